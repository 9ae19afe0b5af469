package app.kariz.gateway.identity.publish;

import app.kariz.events.EventHeaders;
import app.kariz.events.Topics;
import app.kariz.gateway.RunningGateway;
import app.kariz.testing.kafka.InProcessKafka;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A new organisation travels from the platform administrator's request to Kafka, through the outbox. */
class OrganizationPublishingTest {

    private static final String ADMIN_TOKEN = "platform-admin-token-0123456789";

    @TempDir
    Path kafkaData;

    @Test
    void aNewOrganizationIsPublishedOnItsTopicAndMarkedPublished() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start(kafkaData)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                // The services create the event topics; the gateway only publishes.
                admin.createTopics(List.of(new NewTopic(Topics.ORGANIZATIONS, 1, (short) 1))).all().get();
            }
            try (RunningGateway gateway = RunningGateway.start(
                    "--kariz.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--kariz.demo.token=demo-token-for-tests-0123456789",
                    "--kariz.identity.admin-token=" + ADMIN_TOKEN);
                 KafkaConsumer<String, byte[]> consumer = consumer(kafka.bootstrapServers());
                 MongoClient mongo = MongoClients.create(gateway.mongoConnectionString())) {
                String organizationId = new String(gateway.client().post().uri("/api/v1/admin/organizations")
                        .headers(h -> h.setBearerAuth(ADMIN_TOKEN))
                        .header("X-Request-Id", "create-org-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"کاریز\",\"timeZone\":\"Asia/Tehran\",\"locale\":\"fa\"}")
                        .exchange().expectStatus().isCreated()
                        .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8)
                        .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

                List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return received.stream().anyMatch(record -> organizationId.equals(record.key()));
                });
                ConsumerRecord<String, byte[]> record = received.stream()
                        .filter(candidate -> organizationId.equals(candidate.key())).findFirst().orElseThrow();
                assertThat(header(record, EventHeaders.TYPE)).isEqualTo("kariz.organization.created.v1");
                assertThat(header(record, EventHeaders.ORGANIZATION_ID)).isEqualTo(organizationId);
                assertThat(header(record, EventHeaders.REQUEST_ID)).isEqualTo("create-org-1");
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"name\":\"کاریز\"");
                assertThat(received).as("the demo organisation is announced too")
                        .anyMatch(candidate -> "demo".equals(candidate.key()));

                await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getDatabase("kariz_identity")
                        .getCollection("organizations").find(Filters.eq("_id", organizationId)).first()
                        .get("publishedAt") != null);
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "organization-publishing-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ORGANIZATIONS));
        return consumer;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
