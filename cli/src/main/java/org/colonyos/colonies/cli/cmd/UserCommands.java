package org.colonyos.colonies.cli.cmd;

import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.NamedCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.proto.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies user}: users of the colony in COLONIES_COLONY_NAME. */
@Command(name = "user", description = "Manage users",
        subcommands = {UserCommands.Add.class, UserCommands.Remove.class, UserCommands.Ls.class,
            UserCommands.Get.class, UserCommands.ChangeId.class})
public final class UserCommands {

    @Command(name = "add", description = "Add a user (colony owner key)")
    static final class Add extends ClientCommand {
        @Option(names = "--name", required = true, description = "User name, unique in the colony")
        String name;

        @Option(names = "--userid", required = true, description = "Id of the user's key")
        String userId;

        @Option(names = "--email", defaultValue = "", description = "E-mail address (optional)")
        String email;

        @Option(names = "--phone", defaultValue = "", description = "Phone number (optional)")
        String phone;

        @Override
        protected void run() {
            printer().item(client().addUser(new User(options.colonyName(), userId, name, email, phone),
                    options.colonyPrvKey()));
        }
    }

    @Command(name = "remove", description = "Remove a user (colony owner key)")
    static final class Remove extends NamedCommand {

        @Override
        protected void run() {
            client().removeUser(options.colonyName(), name, options.colonyPrvKey());
            printer().done("User " + name + " removed");
        }
    }

    @Command(name = "ls", description = "List users (member key)")
    static final class Ls extends ClientCommand {
        @Override
        protected void run() {
            printer().table(client().getUsers(options.colonyName(), options.prvKey()),
                    new Column<User>("NAME", User::name), new Column<User>("USERID", User::userId),
                    new Column<User>("EMAIL", User::email), new Column<User>("PHONE", User::phone));
        }
    }

    @Command(name = "get", description = "Show a user (member key)")
    static final class Get extends NamedCommand {

        @Override
        protected void run() {
            printer().item(client().getUser(options.colonyName(), name, options.prvKey()));
        }
    }

    @Command(name = "chid", description = "Give this user a new key: its id (the user's current key)")
    static final class ChangeId extends ClientCommand {
        @Option(names = "--userid", required = true, description = "Id of the user's new key")
        String userId;

        @Override
        protected void run() {
            client().changeUserId(options.colonyName(), userId, options.prvKey());
            printer().done("User now has id " + userId);
        }
    }
}
