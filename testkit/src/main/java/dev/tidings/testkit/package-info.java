/**
 * Testing support for Tidings applications: a real in-process Kafka broker and the JUnit 5 glue around it.
 *
 * <ul>
 *   <li>{@link dev.tidings.testkit.EmbeddedKafka} runs a single-node KRaft broker inside the current JVM. Tests that
 *       need a broker of their own (for example to stop and restart it) create one directly; a program such as a
 *       worker's development mode can start one and print {@link dev.tidings.testkit.EmbeddedKafka#bootstrapServers()}.</li>
 *   <li>{@link dev.tidings.testkit.KafkaExtension} (or the {@link dev.tidings.testkit.KafkaTest} meta-annotation)
 *       shares one broker per test JVM and injects {@link dev.tidings.testkit.TestKafka} parameters.</li>
 *   <li>{@link dev.tidings.testkit.Wait} and {@link dev.tidings.testkit.TopicReader} replace sleeps and ad-hoc
 *       consumers in tests.</li>
 * </ul>
 *
 * <p>The kit talks to Kafka with the plain {@code kafka-clients} API only; it does not depend on the Tidings
 * framework.
 */
package dev.tidings.testkit;
