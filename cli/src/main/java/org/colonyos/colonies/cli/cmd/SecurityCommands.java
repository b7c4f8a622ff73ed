package org.colonyos.colonies.cli.cmd;

import java.util.concurrent.Callable;
import org.colonyos.colonies.proto.crypto.Identity;
import org.colonyos.colonies.proto.crypto.Secp256k1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code colonies security}: keys and ids, computed locally. */
@Command(name = "security", description = "Generate private keys and compute ids",
        subcommands = {SecurityCommands.Generate.class, SecurityCommands.Id.class})
public final class SecurityCommands {

    @Command(name = "generate", description = "Print a new private key and its id")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String key = Secp256k1.generatePrivateKey();
            spec.commandLine().getOut().printf("PrvKey: %s%nId:     %s%n", key, Identity.idOfPrivateKey(key));
            return 0;
        }
    }

    @Command(name = "id", description = "Print the id of a private key")
    static final class Id implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--prvkey", required = true, description = "Private key (64 hex)")
        String prvKey;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(Identity.idOfPrivateKey(prvKey));
            return 0;
        }
    }
}
