package org.colonyos.colonies.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.colonyos.colonies.sdk.ClientEnv;
import org.colonyos.colonies.sdk.ClientTls;
import org.colonyos.colonies.sdk.ColoniesClient;
import org.colonyos.colonies.sdk.HttpEngine;
import picocli.CommandLine.Option;

/**
 * Connection and key options shared by every client command, defaulting to the Go CLI's environment
 * variables ({@code COLONIES_SERVER_HOST}, {@code COLONIES_SERVER_HTTP_PORT} before {@code COLONIES_SERVER_PORT},
 * {@code COLONIES_TLS}, {@code COLONIES_TLS_CA}, {@code COLONIES_SKIP_TLS_VERIFY}, {@code COLONIES_PRVKEY},
 * {@code COLONIES_COLONY_NAME}, {@code COLONIES_COLONY_PRVKEY}, {@code COLONIES_SERVER_PRVKEY}).
 */
public final class ClientOptions {
    private static final Pattern PRIVATE_KEY = Pattern.compile("[0-9a-fA-F]{64}");
    private final Map<String, String> env = System.getenv();

    @Option(names = "--host", description = "Server host (env COLONIES_SERVER_HOST, default localhost)")
    String host;

    @Option(names = "--port", description = "Server HTTP port (env COLONIES_SERVER_HTTP_PORT, else "
            + "COLONIES_SERVER_PORT, as the Go CLI; default 50080)")
    Integer port;

    @Option(names = "--insecure", description = "Use plain HTTP even if COLONIES_TLS=true")
    boolean insecure;

    @Option(names = "--cacert", description = "PEM file of the CA that signed the server's certificate (env "
            + "COLONIES_TLS_CA; default: the system trust store)")
    Path caCert;

    @Option(names = "--skip-tls-verify", description = "Do not verify the server's certificate (env "
            + "COLONIES_SKIP_TLS_VERIFY=true): encrypted but not authenticated, for trying things out only")
    boolean skipTlsVerify;

    @Option(names = "--prvkey", description = "Executor or user private key (env COLONIES_PRVKEY)")
    String prvKey;

    @Option(names = "--colonyprvkey", description = "Colony owner private key (env COLONIES_COLONY_PRVKEY)")
    String colonyPrvKey;

    @Option(names = "--serverprvkey", description = "Server owner private key (env COLONIES_SERVER_PRVKEY)")
    String serverPrvKey;

    @Option(names = "--colonyname", description = "Colony name (env COLONIES_COLONY_NAME)")
    String colonyName;

    @Option(names = "--json", description = "Print JSON instead of tables")
    boolean json;

    /** The base URL of the server. */
    public URI url() {
        return url(env);
    }

    /** The base URL of the server with these environment variables (the Go CLI's precedence). */
    URI url(Map<String, String> env) {
        return ClientEnv.serverUrl(env, host, port, insecure);
    }

    /** Whom to trust over https: the flags, else the environment ({@link ClientTls#fromEnv}). */
    public ClientTls tls() {
        if (skipTlsVerify) {
            return ClientTls.skipVerify();
        }
        return caCert != null ? ClientTls.trusting(caCert) : ClientTls.fromEnv(env);
    }

    /** A client of the server these options name. */
    public ColoniesClient client() {
        return new ColoniesClient(List.of(url()), Duration.ofSeconds(60), HttpEngine.KEEP_ALIVE_SOCKETS, tls());
    }

    public String prvKey() {
        return privateKey(prvKey, "COLONIES_PRVKEY", "--prvkey");
    }

    public String colonyPrvKey() {
        return privateKey(colonyPrvKey, "COLONIES_COLONY_PRVKEY", "--colonyprvkey");
    }

    public String serverPrvKey() {
        return privateKey(serverPrvKey, "COLONIES_SERVER_PRVKEY", "--serverprvkey");
    }

    /** A private key as 64 hex characters; anything else is a usage error naming where it came from. */
    private String privateKey(String flag, String variable, String option) {
        String key = required(flag, variable, option);
        if (!PRIVATE_KEY.matcher(key).matches()) {
            String source = flag != null ? option : variable;
            throw new UsageException(source + " must be a private key of 64 hex characters (see 'colonies "
                    + "security generate'), got " + key.length() + " characters"
                    + (key.length() == 64 ? " that are not all hex" : ""));
        }
        return key;
    }

    public String colonyName() {
        return required(colonyName, "COLONIES_COLONY_NAME", "--colonyname");
    }

    public boolean json() {
        return json;
    }

    private String required(String flag, String variable, String option) {
        String value = flag != null ? flag : env.get(variable);
        if (value == null || value.isEmpty()) {
            throw new UsageException("set " + variable + " or pass " + option);
        }
        return value;
    }
}
