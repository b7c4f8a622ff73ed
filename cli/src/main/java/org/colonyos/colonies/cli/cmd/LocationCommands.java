package org.colonyos.colonies.cli.cmd;

import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.proto.model.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colonies location}: the colony's named places, which executors and processes can name. */
public final class LocationCommands {
    private LocationCommands() {
    }

    /** {@code colonies location}. */
    @Command(name = "location", description = "Manage locations",
            subcommands = {Add.class, Get.class, Ls.class, Remove.class})
    public static final class LocationGroup {
    }

    @Command(name = "add", description = "Add a location (colony owner key)")
    static final class Add extends ClientCommand {
        @Option(names = "--name", required = true, description = "Location name, unique in the colony")
        String name;

        @Option(names = "--desc", defaultValue = "", description = "Description")
        String description;

        @Option(names = "--long", defaultValue = "0", description = "Longitude")
        double longitude;

        @Option(names = "--lat", defaultValue = "0", description = "Latitude")
        double latitude;

        @Override
        protected void run() {
            printer().item(client().addLocation(new Location("", name, options.colonyName(), description, longitude,
                    latitude), options.colonyPrvKey()));
        }
    }

    @Command(name = "get", description = "Show a location")
    static final class Get extends ClientCommand {
        @Option(names = "--name", required = true, description = "Location name")
        String name;

        @Override
        protected void run() {
            printer().item(client().getLocation(options.colonyName(), name, options.prvKey()));
        }
    }

    @Command(name = "ls", description = "List the colony's locations")
    static final class Ls extends ClientCommand {
        @Override
        protected void run() {
            printer().table(client().getLocations(options.colonyName(), options.prvKey()),
                    new Column<>("Name", Location::name), new Column<>("Description", Location::description),
                    new Column<>("Long", Location::longitude), new Column<>("Lat", Location::latitude));
        }
    }

    @Command(name = "remove", description = "Remove a location (colony owner key)")
    static final class Remove extends ClientCommand {
        @Option(names = "--name", required = true, description = "Location name")
        String name;

        @Override
        protected void run() {
            client().removeLocation(options.colonyName(), name, options.colonyPrvKey());
            printer().done("Location " + name + " removed");
        }
    }
}
