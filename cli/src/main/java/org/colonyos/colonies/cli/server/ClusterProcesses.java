package org.colonyos.colonies.cli.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.colonyos.colonies.config.ClusterConfig;
import org.colonyos.colonies.config.PeerAddress;

/**
 * A cluster whose nodes each run in their own JVM ({@code colonies server start --cluster F --node ID}),
 * started from this JVM's class path on free loopback ports, so a node can be killed with SIGKILL and started
 * again on its data directory. Each node's output goes to {@code <dir>/<id>.log}. Used by the benches that
 * measure nodes as deployed (failover, {@code --deployed}, scale) and by tests.
 *
 * <p>Not thread-safe: one controlling thread.
 */
public final class ClusterProcesses implements AutoCloseable {
    private final ClusterConfig config;
    private final Path dir;
    private final Path clusterFile;
    private final String serverId;
    private final String classPath;
    private final Process[] processes;

    private ClusterProcesses(ClusterConfig config, Path dir, String serverId, String classPath) throws IOException {
        this.config = config;
        this.classPath = classPath;
        this.dir = dir;
        this.serverId = serverId;
        this.processes = new Process[config.nodes().size()];
        this.clusterFile = dir.resolve("cluster.json");
        Files.writeString(clusterFile, config.toJson());
    }

    /** Starts {@code size} node processes in {@code dir} with {@code serverId} as the server owner. */
    public static ClusterProcesses start(int size, String serverId, Path dir) throws IOException {
        return start(size, serverId, dir, System.getProperty("java.class.path"));
    }

    /** Starts the node processes as {@link #start(int, String, Path)} does, on the given class path. */
    public static ClusterProcesses start(int size, String serverId, Path dir, String classPath) throws IOException {
        ClusterProcesses cluster = new ClusterProcesses(ClusterConfig.onFreeLoopbackPorts("bench", size), dir,
                serverId, classPath);
        for (int i = 0; i < size; i++) {
            cluster.start(i);
        }
        return cluster;
    }

    /** Starts node {@code index} (again) on its data directory. */
    public void start(int index) throws IOException {
        PeerAddress node = config.nodes().get(index);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"));
        command.addAll(sharedArchiveOptions(classPath));
        command.addAll(nodeJavaOptions());
        command.addAll(List.of("-cp", classPath, "org.colonyos.colonies.cli.ColoniesCli", "server",
                "start", "--cluster", clusterFile.toString(), "--node", node.id(), "--data-dir",
                dir.resolve(node.id()).toString(), "--server-id", serverId));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(index).toFile()));
        processes[index] = builder.start();
    }

    /**
     * The server's class-data-sharing archive, as {@code bin/colonies} starts a server with it: the archive the
     * build made beside {@code colonies.jar}, when the class path is that jar alone (an archive only fits the
     * class path it was made for).
     */
    private static List<String> sharedArchiveOptions(String classPath) {
        Path jar = Path.of(classPath);
        Path archive = jar.resolveSibling("colonies-server.jsa");
        if (!jar.getFileName().toString().equals("colonies.jar") || !Files.isRegularFile(archive)) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Extra JVM options for the node processes only, from {@code COLONIES_NODE_JAVA_OPTS} (profiling, tuning). */
    private static List<String> nodeJavaOptions() {
        String options = System.getenv().getOrDefault("COLONIES_NODE_JAVA_OPTS", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Kills node {@code index} with SIGKILL and waits until it is gone. */
    public void kill(int index) throws InterruptedException {
        Process process = processes[index];
        processes[index] = null;
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Freezes ({@code SIGSTOP}) or thaws ({@code SIGCONT}) node {@code index}: a frozen node keeps its sockets
     * open but answers nothing, as a node stalled by its host would.
     */
    public void freeze(int index, boolean frozen) throws IOException, InterruptedException {
        Process process = processes[index];
        if (process == null) {
            throw new IllegalStateException("node " + index + " is not running");
        }
        Process signal = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid()))
                .inheritIO().start();
        if (signal.waitFor() != 0) {
            throw new IOException("kill " + (frozen ? "-STOP" : "-CONT") + " " + process.pid() + " failed");
        }
    }

    /** The index of the node with this id. */
    public int indexOf(String nodeId) {
        List<PeerAddress> nodes = config.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(nodeId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node " + nodeId);
    }

    /** The id of node {@code index} (its data directory is {@code <dir>/<id>}). */
    public String nodeId(int index) {
        return config.nodes().get(index).id();
    }

    /** The file node {@code index}'s output goes to. */
    public Path logFile(int index) {
        return dir.resolve(nodeId(index) + ".log");
    }

    /** The CPU time node {@code index}'s process has used so far, in nanoseconds (0 when it is not running). */
    public long cpuNanos(int index) {
        Process process = processes[index];
        return process == null ? 0 : process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * The CPU milliseconds node {@code index}'s threads have used so far, by role ({@link ThreadRoles}, from a
     * {@code jcmd Thread.print}); empty when jcmd cannot tell.
     */
    public Optional<Map<String, Double>> threadCpu(int index) throws IOException, InterruptedException {
        return jcmd(processes[index].pid(), "Thread.print").map(ThreadRoles::cpuByRole);
    }

    /** The resident memory of node {@code index}'s process in bytes (Linux {@code /proc}), or 0 if unknown. */
    public long rssBytes(int index) throws IOException {
        Process process = processes[index];
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /**
     * The Java heap node {@code index} uses after a full collection, and the heap it has committed, in bytes
     * ({@code jcmd GC.run}, then {@code GC.heap_info}); empty when jcmd cannot tell. What the process's data
     * needs, as opposed to what the collector has taken from the system.
     */
    public Optional<HeapUse> liveHeap(int index) throws IOException, InterruptedException {
        Process process = processes[index];
        if (jcmd(process.pid(), "GC.run").isEmpty()) {
            return Optional.empty();
        }
        Matcher heap = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K")
                .matcher(jcmd(process.pid(), "GC.heap_info").orElse(""));
        return heap.find() ? Optional.of(new HeapUse(Long.parseLong(heap.group(2)) * 1024,
                Long.parseLong(heap.group(1)) * 1024)) : Optional.empty();
    }

    /** A node's heap after a full collection: what is live and what the collector keeps committed, in bytes. */
    public record HeapUse(long liveBytes, long committedBytes) {
    }

    private static Optional<String> jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return run.waitFor() == 0 ? Optional.of(output) : Optional.empty();
    }

    /** The HTTP URL of node {@code index}. */
    public URI url(int index) {
        PeerAddress node = config.nodes().get(index);
        return URI.create("http://" + node.host() + ":" + node.httpPort());
    }

    public int size() {
        return processes.length;
    }

    /** Stops every node with SIGTERM (a clean stop), then SIGKILL for any still running after 20 s. */
    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            if (process != null) {
                process.destroy();
            }
        }
        for (int i = 0; i < processes.length; i++) {
            Process process = processes[i];
            if (process != null && !process.waitFor(20, TimeUnit.SECONDS)) {
                kill(i);
            }
        }
    }
}
