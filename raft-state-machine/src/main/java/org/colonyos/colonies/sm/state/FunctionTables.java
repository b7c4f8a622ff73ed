package org.colonyos.colonies.sm.state;

import java.util.List;
import java.util.Optional;
import org.colonyos.colonies.proto.model.Function;

/**
 * Functions registered by executors, keyed by {@code (colony, executor name, function name)}, with an index by
 * function id. Not synchronised: used under the state machine's lock.
 */
public final class FunctionTables {
    private final Table<Function> functions;
    private final Table<String> ids;

    FunctionTables(ColoniesStore store) {
        functions = store.table("functions", Function.class);
        ids = store.table("function_ids", String.class);
    }

    public Optional<Function> get(String colonyName, String executorName, String funcName) {
        return functions.get(Table.key(colonyName, executorName, funcName));
    }

    public Optional<Function> byId(String functionId) {
        return ids.get(functionId).flatMap(functions::get);
    }

    /** The functions of a colony, ordered by executor name then function name. */
    public List<Function> ofColony(String colonyName) {
        return functions.valuesUnder(colonyName);
    }

    /** The functions of one executor, ordered by function name. */
    public List<Function> ofExecutor(String colonyName, String executorName) {
        return functions.valuesUnder(Table.key(colonyName, executorName));
    }

    public void put(Function function) {
        String key = Table.key(function.colonyName(), function.executorName(), function.funcName());
        functions.get(key).ifPresent(old -> ids.remove(old.functionId()));
        functions.put(key, function);
        ids.put(function.functionId(), key);
    }

    /** Removes every function of one executor. */
    public void removeExecutor(String colonyName, String executorName) {
        ofExecutor(colonyName, executorName).forEach(this::remove);
    }

    public void remove(Function function) {
        functions.remove(Table.key(function.colonyName(), function.executorName(), function.funcName()));
        ids.remove(function.functionId());
    }
}
