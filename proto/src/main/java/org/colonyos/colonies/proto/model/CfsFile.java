package org.colonyos.colonies.proto.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.colonyos.colonies.proto.json.GoTime;

/**
 * One revision of a file in a colony's meta-filesystem (protocol 5.12): its label (a path-like string such as
 * {@code /data/in}), name, size and SHA-256 checksum, and where its bytes live ({@code ref}). Revisions of the
 * same (label, name) are told apart by {@code sequencenr}, which the server assigns in increasing order.
 * Immutable.
 */
public record CfsFile(
        @JsonProperty("fileid") String fileId,
        @JsonProperty("colonyname") String colonyName,
        @JsonProperty("label") String label,
        @JsonProperty("name") String name,
        @JsonProperty("size") long size,
        @JsonProperty("sequencenr") long sequenceNr,
        @JsonProperty("checksum") String checksum,
        @JsonProperty("checksumalg") String checksumAlg,
        @JsonProperty("ref") Reference ref,
        @JsonProperty("added") Instant added) {

    /** The checksum algorithm every client writes: hex SHA-256 of the whole content. */
    public static final String SHA256 = "SHA256";

    public CfsFile {
        fileId = fileId == null ? "" : fileId;
        colonyName = colonyName == null ? "" : colonyName;
        label = label == null ? "" : label;
        name = name == null ? "" : name;
        checksum = checksum == null ? "" : checksum;
        checksumAlg = checksumAlg == null ? "" : checksumAlg;
        ref = ref == null ? Reference.NONE : ref;
        added = added == null ? GoTime.ZERO : added;
    }

    /** A revision to add: the server fills in its id, sequence number and time. */
    public static CfsFile of(String colonyName, String label, String name, long size, String sha256,
            Reference ref) {
        return new CfsFile("", colonyName, label, name, size, 0, sha256, SHA256, ref, null);
    }

    /** The revision as stored: its id, sequence number and time, and its reference without credentials. */
    public CfsFile stored(String id, long sequence, Instant now) {
        return new CfsFile(id, colonyName, label, name, size, sequence, checksum, checksumAlg, ref.withoutSecrets(),
                now);
    }

    /** Where a revision's bytes are: a protocol ({@code s3}) and the object. */
    public record Reference(
            @JsonProperty("protocol") String protocol,
            @JsonProperty("s3object") S3Object s3Object) {
        public static final Reference NONE = new Reference("", null);

        public Reference {
            protocol = protocol == null ? "" : protocol;
            s3Object = s3Object == null ? S3Object.NONE : s3Object;
        }

        /** An S3 reference to an object in a bucket of an endpoint, carrying no credentials. */
        public static Reference s3(String endpoint, boolean tls, String region, String bucket, String object) {
            return new Reference("s3", new S3Object(endpoint, -1, tls, "", "", region, "", "", object, bucket));
        }

        Reference withoutSecrets() {
            return new Reference(protocol, s3Object.withoutSecrets());
        }
    }

    /**
     * An object in S3-compatible storage. The credential fields exist for older clients, which send their keys;
     * the server never stores them (readers use their own credentials).
     */
    public record S3Object(
            @JsonProperty("server") String server,
            @JsonProperty("port") int port,
            @JsonProperty("tls") boolean tls,
            @JsonProperty("accesskey") String accessKey,
            @JsonProperty("secretkey") String secretKey,
            @JsonProperty("region") String region,
            @JsonProperty("encryptionkey") String encryptionKey,
            @JsonProperty("encryptionalg") String encryptionAlg,
            @JsonProperty("object") String object,
            @JsonProperty("bucket") String bucket) {
        public static final S3Object NONE = new S3Object("", 0, false, "", "", "", "", "", "", "");

        public S3Object {
            server = server == null ? "" : server;
            accessKey = accessKey == null ? "" : accessKey;
            secretKey = secretKey == null ? "" : secretKey;
            region = region == null ? "" : region;
            encryptionKey = encryptionKey == null ? "" : encryptionKey;
            encryptionAlg = encryptionAlg == null ? "" : encryptionAlg;
            object = object == null ? "" : object;
            bucket = bucket == null ? "" : bucket;
        }

        S3Object withoutSecrets() {
            return new S3Object(server, port, tls, "", "", region, "", encryptionAlg, object, bucket);
        }
    }
}
