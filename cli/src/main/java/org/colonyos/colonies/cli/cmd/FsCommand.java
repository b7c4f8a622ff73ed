package org.colonyos.colonies.cli.cmd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.colonyos.colonies.cfs.CfsClient;
import org.colonyos.colonies.cfs.FileCatalog;
import org.colonyos.colonies.cfs.S3Blobs;
import org.colonyos.colonies.cfs.S3Settings;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.UsageException;

/**
 * Base of the {@code fs} commands: the colony's file catalog with the member key, and a CFS client whose S3
 * settings come from the Go clients' {@code AWS_S3_*} variables.
 */
abstract class FsCommand extends ClientCommand {
    protected FileCatalog catalog() {
        return new FileCatalog(client(), options.colonyName(), options.prvKey());
    }

    /** A CFS client (opening S3 and creating the bucket if missing); close it when done. */
    protected CfsClient cfs() {
        S3Settings settings;
        try {
            settings = S3Settings.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " ('colonies dev' prints the AWS_S3_* exports)");
        }
        FileCatalog catalog = catalog();
        return new CfsClient(catalog, S3Blobs.open(settings), CfsClient.DEFAULT_PARALLELISM);
    }

    /** Asks on the terminal; true for {@code yes} or {@code y}. */
    protected boolean confirmed(String question) {
        spec.commandLine().getOut().print(question + " (yes,no): ");
        spec.commandLine().getOut().flush();
        try {
            String reply = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return reply != null && (reply.trim().toLowerCase(Locale.ROOT).equals("yes")
                    || reply.trim().equalsIgnoreCase("y"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Sizes as the Go CLI prints them: whole KiB. */
    static String kib(long bytes) {
        return bytes / 1024 + " KiB";
    }
}
