package vn.partydev.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** One real Apache Kafka KRaft broker per test JVM, from Kafka's own test kit (no Docker). */
public final class EmbeddedKafka {

    private static KafkaClusterTestKit cluster;

    private EmbeddedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // A broker that fails while the JVM shuts down would halt it with a non-zero code, and the test
            // run would count as crashed although every test passed: in tests, report instead of halting.
            org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) ->
                    System.err.println("Embedded Kafka asked to halt (" + code + "): " + message));
            org.apache.kafka.common.utils.Exit.setExitProcedure((code, message) ->
                    System.err.println("Embedded Kafka asked to exit (" + code + "): " + message));
            try {
                cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "5")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded Kafka broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stop));
        }
        return cluster.bootstrapServers();
    }

    static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
            cluster = null;
        }
    }
}
