package org.colonyos.colonies.cfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.colonyos.colonies.proto.json.Json;

/** The typed elements of a spec's {@code fs} (protocol 5.4), read from the generic JSON the spec keeps. */
final class MountSpecs {
    private MountSpecs() {
    }

    /**
     * A snapshot to download before the process runs: by id, or (no id) a snapshot of {@code label} taken when
     * the process starts. {@code keepsnapshot} false removes the snapshot afterwards; {@code keepfiles} false
     * removes the local copy.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SnapshotMount(
            @JsonProperty("snapshotid") String snapshotId,
            @JsonProperty("label") String label,
            @JsonProperty("dir") String dir,
            @JsonProperty("keepfiles") boolean keepFiles,
            @JsonProperty("keepsnapshot") boolean keepSnapshot) {
    }

    /** A label synced into {@code dir} before the process runs and back after it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SyncDirMount(
            @JsonProperty("label") String label,
            @JsonProperty("dir") String dir,
            @JsonProperty("keepfiles") boolean keepFiles,
            @JsonProperty("onconflicts") OnConflicts onConflicts) {

        boolean keepLocalOnStart() {
            return onConflicts != null && onConflicts.onStart() != null && onConflicts.onStart().keepLocal();
        }

        boolean keepLocalOnClose() {
            return onConflicts != null && onConflicts.onClose() != null && onConflicts.onClose().keepLocal();
        }
    }

    /** How conflicts are settled when the process starts and when it closes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnConflicts(@JsonProperty("onstart") Conflict onStart, @JsonProperty("onclose") Conflict onClose) {
    }

    /** {@code keeplocal}: the local version wins. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Conflict(@JsonProperty("keeplocal") boolean keepLocal) {
    }

    /** The elements of a generic JSON list as records (none for null). */
    static <T> List<T> read(List<Object> elements, Class<T> type) {
        return elements == null ? List.of() : elements.stream().map(e -> Json.mapper().convertValue(e, type)).toList();
    }
}
