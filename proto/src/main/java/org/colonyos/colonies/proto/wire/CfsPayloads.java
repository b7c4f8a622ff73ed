package org.colonyos.colonies.proto.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.colonyos.colonies.proto.model.CfsFile;

/** Payloads and reply shapes of the meta-filesystem (protocol 4.12, 5.12). */
public final class CfsPayloads {
    private CfsPayloads() {
    }

    /** {@code addfilemsg}. */
    public record AddFile(@JsonProperty("file") CfsFile file) implements Payload {
    }

    /** {@code getfilemsg}: one revision by id, or the revisions of (label, name), or only the latest. */
    public record GetFile(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("fileid") String fileId,
            @JsonProperty("label") String label,
            @JsonProperty("name") String name,
            @JsonProperty("latest") boolean latest) implements Payload {
    }

    /** {@code getfilesmsg}: the latest revision of each file under exactly one label. */
    public record GetFiles(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("label") String label) implements Payload {
    }

    /** {@code getfilelabelsmsg}: all labels, those starting with {@code name}, or {@code name} and its sub-labels. */
    public record GetFileLabels(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("name") String name,
            @JsonProperty("exact") boolean exact) implements Payload {
    }

    /** {@code removefilemsg}: one revision by id, or every revision of (label, name). */
    public record RemoveFile(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("fileid") String fileId,
            @JsonProperty("label") String label,
            @JsonProperty("name") String name) implements Payload {
    }

    /** {@code createsnapshotmsg}. */
    public record CreateSnapshot(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("label") String label,
            @JsonProperty("name") String name) implements Payload {
    }

    /** {@code getsnapshotmsg}, {@code removesnapshotmsg}: a snapshot by id or by name. */
    public record SnapshotRef(
            @JsonProperty("colonyname") String colonyName,
            @JsonProperty("snapshotid") String snapshotId,
            @JsonProperty("name") String name) implements Payload {
    }

    /** An element of the {@code getfilesmsg} reply: a file's latest revision in short. */
    public record FileData(
            @JsonProperty("name") String name,
            @JsonProperty("checksum") String checksum,
            @JsonProperty("size") long size,
            @JsonProperty("s3filename") String s3Filename) {

        public static FileData of(CfsFile file) {
            return new FileData(file.name(), file.checksum(), file.size(), file.ref().s3Object().object());
        }
    }

    /** An element of the {@code getfilelabelsmsg} reply: a label and its number of revisions. */
    public record Label(
            @JsonProperty("name") String name,
            @JsonProperty("files") int files) {
    }
}
