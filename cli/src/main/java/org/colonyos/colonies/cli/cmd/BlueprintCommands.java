package org.colonyos.colonies.cli.cmd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colonyos.colonies.cli.ClientCommand;
import org.colonyos.colonies.cli.UsageException;
import org.colonyos.colonies.cli.output.Printer.Column;
import org.colonyos.colonies.cli.output.Times;
import org.colonyos.colonies.proto.json.Json;
import org.colonyos.colonies.proto.model.Blueprint;
import org.colonyos.colonies.proto.model.BlueprintDefinition;
import org.colonyos.colonies.proto.model.BlueprintHistory;
import org.colonyos.colonies.sdk.BlueprintClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code colonies blueprint}: declarative desired-state objects and their definitions, from YAML or JSON files
 * (as the Go CLI takes them); a file's missing {@code metadata.colonyname} is the colony of the environment.
 */
public final class BlueprintCommands {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BlueprintCommands() {
    }

    /** {@code colonies blueprint}. */
    @Command(name = "blueprint", description = "Manage blueprints (declarative desired state)",
            subcommands = {Add.class, Get.class, Ls.class, Update.class, Remove.class, Status.class, Reconcile.class,
                History.class, DefinitionGroup.class})
    public static final class BlueprintGroup {
    }

    /** Reads a YAML or JSON file (JSON is YAML) as a record, through the wire model's JSON mapping. */
    static <T> T read(Path file, Class<T> type) {
        try {
            Object tree = YAML.readValue(Files.readAllBytes(file), Object.class);
            return Json.parse(Json.toBytes(tree), type);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A command with the colony's blueprint client. */
    abstract static class BlueprintCommand extends ClientCommand {
        protected BlueprintClient blueprints() {
            return new BlueprintClient(client(), options.colonyName());
        }

        protected Blueprint blueprintFile(Path file) {
            Blueprint sent = read(file, Blueprint.class);
            Blueprint.Metadata m = sent.metadata();
            return m.colonyName().isEmpty() ? sent.with(sent.blueprintId(), new Blueprint.Metadata(m.name(),
                    options.colonyName(), m.locationName(), m.labels(), m.annotations(), m.generation(), m.createdAt(),
                    m.updatedAt(), m.lastReconciliationTime(), m.lastReconciliationProcess())) : sent;
        }
    }

    @Command(name = "add", description = "Add a blueprint from a YAML or JSON file (member key)")
    static final class Add extends BlueprintCommand {
        @Option(names = "--spec", required = true, description = "Blueprint file")
        Path spec;

        @Override
        protected void run() {
            printer().item(blueprints().add(blueprintFile(spec), options.prvKey()));
        }
    }

    @Command(name = "update", description = "Replace a blueprint from a file; a changed spec is a new generation")
    static final class Update extends BlueprintCommand {
        @Option(names = "--spec", required = true, description = "Blueprint file")
        Path spec;

        @Option(names = "--force", description = "Make a new generation even if the spec is unchanged")
        boolean force;

        @Override
        protected void run() {
            printer().item(blueprints().update(blueprintFile(spec), force, options.prvKey()));
        }
    }

    /** A command about one blueprint by name. */
    abstract static class OneBlueprint extends BlueprintCommand {
        @Option(names = "--name", required = true, description = "Blueprint name")
        String name;
    }

    @Command(name = "get", description = "Show a blueprint")
    static final class Get extends OneBlueprint {
        @Override
        protected void run() {
            printer().item(blueprints().get(name, options.prvKey()));
        }
    }

    @Command(name = "status", description = "Show a blueprint's reported status")
    static final class Status extends OneBlueprint {
        @Override
        protected void run() {
            spec.commandLine().getOut().println(Json.toText(blueprints().get(name, options.prvKey()).status()));
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "remove", description = "Remove a blueprint (its handler gets a cleanup process)")
    static final class Remove extends OneBlueprint {
        @Override
        protected void run() {
            blueprints().remove(name, options.prvKey());
            printer().done("Blueprint " + name + " removed");
        }
    }

    @Command(name = "reconcile", description = "Submit a reconciliation process now (member key)")
    static final class Reconcile extends OneBlueprint {
        @Option(names = "--force", description = "Make a new generation first")
        boolean force;

        @Override
        protected void run() {
            printer().item(blueprints().reconcile(name, force, options.prvKey()));
        }
    }

    @Command(name = "history", description = "Show a blueprint's changes, newest first")
    static final class History extends OneBlueprint {
        @Option(names = "--limit", defaultValue = "0", description = "At most this many (0: all)")
        int limit;

        @Override
        protected void run() {
            BlueprintClient client = blueprints();
            String id = client.get(name, options.prvKey()).blueprintId();
            printer().table(client.history(id, limit, options.prvKey()),
                    new Column<>("Generation", BlueprintHistory::generation),
                    new Column<>("Change", BlueprintHistory::changeType),
                    new Column<>("Time", h -> Times.readable(h.timestamp())),
                    new Column<>("By", BlueprintHistory::changedBy));
        }
    }

    @Command(name = "ls", description = "List blueprints")
    static final class Ls extends BlueprintCommand {
        @Option(names = "--kind", defaultValue = "", description = "Only this kind")
        String kind;

        @Option(names = "--location", defaultValue = "", description = "Only this location")
        String location;

        @Override
        protected void run() {
            printer().table(blueprints().list(kind, location, options.prvKey()),
                    new Column<>("Name", b -> b.metadata().name()), new Column<>("Kind", Blueprint::kind),
                    new Column<>("Location", b -> b.metadata().locationName()),
                    new Column<>("Generation", b -> b.metadata().generation()));
        }
    }

    /** {@code colonies blueprint definition}. */
    @Command(name = "definition", description = "Manage blueprint definitions (kinds)",
            subcommands = {DefinitionAdd.class, DefinitionGet.class, DefinitionLs.class, DefinitionRemove.class})
    static final class DefinitionGroup {
    }

    @Command(name = "add", description = "Add a definition from a YAML or JSON file (colony owner key)")
    static final class DefinitionAdd extends BlueprintCommand {
        @Option(names = "--spec", required = true, description = "Definition file")
        Path spec;

        @Override
        protected void run() {
            BlueprintDefinition sent = read(spec, BlueprintDefinition.class);
            Blueprint.Metadata m = sent.metadata();
            BlueprintDefinition definition = m.colonyName().isEmpty() ? new BlueprintDefinition(sent.definitionId(),
                    sent.kind(), Blueprint.Metadata.of(options.colonyName(), m.name()), sent.spec()) : sent;
            printer().item(blueprints().addDefinition(definition, options.colonyPrvKey()));
        }
    }

    @Command(name = "get", description = "Show a definition")
    static final class DefinitionGet extends BlueprintCommand {
        @Option(names = "--name", required = true, description = "Definition name")
        String name;

        @Override
        protected void run() {
            printer().item(blueprints().getDefinition(name, options.prvKey()));
        }
    }

    @Command(name = "ls", description = "List the colony's definitions")
    static final class DefinitionLs extends BlueprintCommand {
        @Override
        protected void run() {
            printer().table(blueprints().getDefinitions(options.prvKey()),
                    new Column<>("Name", d -> d.metadata().name()), new Column<>("Kind", d -> d.blueprintKind()),
                    new Column<>("Handler", d -> d.hasHandler() ? d.handlerExecutorType() + "/"
                            + d.handlerFunctionName() : ""));
        }
    }

    @Command(name = "remove", description = "Remove a definition without blueprints (colony owner key)")
    static final class DefinitionRemove extends BlueprintCommand {
        @Option(names = "--name", required = true, description = "Definition name")
        String name;

        @Override
        protected void run() {
            blueprints().removeDefinition(name, options.colonyPrvKey());
            printer().done("Blueprint definition " + name + " removed");
        }
    }
}
