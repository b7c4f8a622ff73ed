package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * A named, immutable set of file revisions (protocol 5.13): the latest revision of every file of a label and
 * its sub-labels when it was taken. {@code fileids} is null when the snapshot holds no file, as Go writes it.
 * Immutable.
 */
public record CfsSnapshot(
        @JsonProperty("snapshotid") String snapshotId,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("label") String label,
        @JsonProperty("name") String name,
        @JsonProperty("fileids") List<String> fileIds,
        @JsonProperty("added") Instant added) {

    public CfsSnapshot {
        snapshotId = snapshotId == null ? "" : snapshotId;
        colonyName = colonyName == null ? "" : colonyName;
        label = label == null ? "" : label;
        name = name == null ? "" : name;
        fileIds = fileIds == null || fileIds.isEmpty() ? null : List.copyOf(fileIds);
        added = added == null ? GoTime.ZERO : added;
    }

    /** The revision ids, empty when there are none. */
    public List<String> fileIdList() {
        return fileIds == null ? List.of() : fileIds;
    }
}
