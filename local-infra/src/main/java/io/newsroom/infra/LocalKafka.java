package io.newsroom.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka 4.x broker in KRaft combined mode (broker and controller in one node), running
 * inside this JVM. {@link #stop()} then {@link #start()} brings it back on the same port with the same
 * log directory, so tests can simulate a broker outage.
 */
public final class LocalKafka {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final SharedInstance<LocalKafka> SHARED = new SharedInstance<>(LocalKafka::startShared);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private LocalKafka(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** The JVM-wide broker for tests: free port, temp directory, stopped and deleted when the JVM exits. */
    public static LocalKafka shared() {
        return SHARED.get();
    }

    private static LocalKafka startShared() {
        Path dir = TempDirs.create("newsroom-kafka-");
        LocalKafka kafka = new LocalKafka(dir, LoopbackPorts.free(), LoopbackPorts.free());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            TempDirs.delete(dir);
        }, "local-kafka-shutdown"));
        kafka.start();
        return kafka;
    }

    /**
     * A broker that keeps its log directory between runs (devstack). The KRaft controller listens on
     * {@code port + 1}. The directory is formatted only the first time.
     */
    public static LocalKafka persistent(Path dataDir, int port) {
        LocalKafka kafka = new LocalKafka(dataDir.toAbsolutePath(), port, port + 1);
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "local-kafka-shutdown"));
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (a no-op when running); blocks until it accepts clients. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Path configFile = writeConfig();
            formatIfNeeded(configFile);
            KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(loadConfig(configFile)), Time.SYSTEM);
            // Returns once the broker is registered with the controller and unfenced.
            raftServer.startup();
            server = raftServer;
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalStateException("Kafka did not start on " + bootstrapServers() + " (data " + dataDir + ")", ex);
        }
        log.info("Kafka started on {} in {} ms (data {})", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), dataDir);
    }

    /** Stops the broker cleanly (a no-op when stopped); its port and log directory stay reserved for {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        }
        finally {
            server = null;
        }
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(dataDir);
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("log.dirs", dataDir.resolve("kraft-combined-logs").toString());
        config.setProperty("auto.create.topics.enable", "true");
        config.setProperty("num.partitions", "3");
        // Single node: every internal topic has exactly one replica.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "5");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("default.replication.factor", "1");
        config.setProperty("min.insync.replicas", "1");
        // Tests start consumers right away; the default 3 s wait for more group members only slows them.
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = dataDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(writer, "Written by io.newsroom.infra.LocalKafka on every start");
        }
        return file;
    }

    private void formatIfNeeded(Path configFile) {
        if (Files.exists(dataDir.resolve("kraft-combined-logs").resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static Properties loadConfig(Path file) throws IOException {
        Properties config = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            config.load(reader);
        }
        return config;
    }
}
