package org.colonyos.colonies.cli;

import org.colonyos.colonies.proto.model.Version;
import org.colonyos.colonies.sdk.ColoniesException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code colonies version}: this CLI's build version, and the version of the server the connection options name
 * when it answers.
 */
@Command(name = "version", description = "Show this CLI's version and the server's")
public final class VersionCommand extends ClientCommand {
    /** The build version from the jar's manifest, or {@code dev} when run from classes. */
    public static String buildVersion() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
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
