package org.colonyos.colonies.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import org.colonyos.colonies.proto.model.Version;
import org.colonyos.colonies.sdk.ColoniesException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code colonies version}: this CLI's build version and commit, and the version of the server the connection options name
 * when it answers.
 */
@Command(name = "version", description = "Show this CLI's version and the server's")
public final class VersionCommand extends ClientCommand {
    private static final String BUILD_PROPERTIES = "/colonies-build.properties";

    /**
     * The build version from the jar's manifest ({@code dev} when run from classes), followed by
     * {@code +<commit>} when the build recorded the commit it was built from ({@code +<commit>.dirty} for a tree with
     * uncommitted changes).
     */
    public static String buildVersion() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        String base = version == null ? "dev" : version;
        return buildCommit().map(commit -> base + "+" + commit).orElse(base);
    }

    /** The commit the build recorded, if it was built in a git checkout. */
    static Optional<String> buildCommit() {
        try (InputStream in = VersionCommand.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties build = new Properties();
            build.load(in);
            String commit = build.getProperty("git.commit.id.abbrev", "");
            boolean dirty = Boolean.parseBoolean(build.getProperty("git.dirty", "false"));
            return commit.isEmpty() ? Optional.empty() : Optional.of(dirty ? commit + ".dirty" : commit);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Supplies {@code --version} on every command. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"colonies-java " + buildVersion()};
        }
    }

    @Override
    protected void run() {
        var out = spec.commandLine().getOut();
        out.println("Client: colonies-java " + buildVersion());
        try {
            Version server = client().version();
            out.println("Server: " + server.buildVersion() + " (built " + server.buildTime() + ") at " + options.url());
        } catch (ColoniesException e) {
            out.println("Server: not reachable at " + options.url() + " (" + e.getMessage() + ")");
        }
        out.flush();
    }
}
