package app.kariz.gateway.identity;

import app.kariz.contract.identity.Role;
import app.kariz.contract.identity.Visibility;
import app.kariz.events.organization.OrganizationCreated;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Organisations, users and API token digests in MongoDB ({@code kariz_identity}), through the synchronous driver:
 * every method blocks, so callers on the event loop go through {@link Identities}, which moves them off it.
 * <p>
 * Collections: {@code organizations} (with the outbox fields {@code eventId}, {@code requestId},
 * {@code publishedAt}), {@code users} (unique {@code organizationId + emailKey}, the lower-cased email) and
 * {@code tokens} ({@code _id} is the token's SHA-256 digest, so the lookup by digest is the unique primary key).
 */
public class IdentityStore implements AutoCloseable {

    private final MongoClient client;
    private final MongoCollection<Document> organizations;
    private final MongoCollection<Document> users;
    private final MongoCollection<Document> tokens;

    public IdentityStore(MongoClient client, String database) {
        this.client = client;
        MongoDatabase db = client.getDatabase(database);
        this.organizations = db.getCollection("organizations");
        this.users = db.getCollection("users");
        this.tokens = db.getCollection("tokens");
    }

    /** Idempotent: creating an index that exists is a no-op. */
    public void createIndexes() {
        users.createIndex(Indexes.ascending("organizationId", "emailKey"),
                new IndexOptions().unique(true).name("organization_email_unique"));
        tokens.createIndex(Indexes.ascending("organizationId", "userId"), new IndexOptions().name("owner"));
        organizations.createIndex(Indexes.ascending("publishedAt"), new IndexOptions().name("unpublished"));
    }

    // --- organisations

    /** Stores a new organisation with its creation event still to publish (the outbox). */
    public void insertOrganization(Organization organization, PendingEvent event) {
        organizations.insertOne(toDocument(organization)
                .append("createdBy", event.createdBy())
                .append("eventId", event.eventId())
                .append("requestId", event.requestId())
                .append("publishedAt", null));
    }

    /** Stores the organisation unless one with its id exists; true when it was stored. */
    public boolean insertOrganizationIfAbsent(Organization organization, PendingEvent event) {
        Document fields = toDocument(organization)
                .append("createdBy", event.createdBy())
                .append("eventId", event.eventId())
                .append("requestId", event.requestId())
                .append("publishedAt", null);
        fields.remove("_id");
        return organizations.updateOne(Filters.eq("_id", organization.id()), Updates.setOnInsert(fields),
                new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    public Optional<Organization> organization(String id) {
        return Optional.ofNullable(organizations.find(Filters.eq("_id", id)).first()).map(IdentityStore::organizationOf);
    }

    public List<Organization> organizations() {
        return organizations.find().sort(Sorts.ascending("createdAt", "_id")).map(IdentityStore::organizationOf)
                .into(new ArrayList<>());
    }

    public void replaceOrganizationSettings(Organization organization) {
        organizations.updateOne(Filters.eq("_id", organization.id()), Updates.combine(
                Updates.set("name", organization.name()),
                Updates.set("timeZone", organization.timeZone().getId()),
                Updates.set("locale", organization.locale()),
                Updates.set("visibility", organization.visibility().name())));
    }

    /** Organisations whose creation event has not been published yet, oldest first. */
    public List<UnpublishedOrganization> unpublishedOrganizations(int limit) {
        return organizations.find(Filters.eq("publishedAt", null)).sort(Sorts.ascending("createdAt")).limit(limit)
                .map(document -> new UnpublishedOrganization(new OrganizationCreated(document.getString("_id"),
                        document.getString("name"), document.getString("timeZone"), document.getString("locale"),
                        document.getDate("createdAt").toInstant(), document.getString("createdBy")),
                        document.getString("eventId"), document.getString("requestId")))
                .into(new ArrayList<>());
    }

    public void markPublished(String organizationId, Instant publishedAt) {
        organizations.updateOne(Filters.eq("_id", organizationId),
                Updates.set("publishedAt", Date.from(publishedAt)));
    }

    // --- users

    /** @throws DuplicateEmailException when the organisation has a user with this email already */
    public void insertUser(User user) {
        try {
            users.insertOne(toDocument(user));
        } catch (MongoWriteException e) {
            throw duplicateEmailOr(e);
        }
    }

    /** Stores the user unless one with its id exists. */
    public void insertUserIfAbsent(User user) {
        Document fields = toDocument(user);
        fields.remove("_id");
        users.updateOne(Filters.eq("_id", user.id()), Updates.setOnInsert(fields), new UpdateOptions().upsert(true));
    }

    public Optional<User> user(String organizationId, String userId) {
        return Optional.ofNullable(users.find(Filters.and(Filters.eq("_id", userId),
                Filters.eq("organizationId", organizationId))).first()).map(IdentityStore::userOf);
    }

    public Optional<User> userByEmail(String organizationId, String email) {
        return Optional.ofNullable(users.find(Filters.and(Filters.eq("organizationId", organizationId),
                Filters.eq("emailKey", emailKey(email)))).first()).map(IdentityStore::userOf);
    }

    public List<User> users(String organizationId) {
        return users.find(Filters.eq("organizationId", organizationId)).sort(Sorts.ascending("createdAt", "_id"))
                .map(IdentityStore::userOf).into(new ArrayList<>());
    }

    public void replaceUserSettings(User user) {
        users.updateOne(Filters.and(Filters.eq("_id", user.id()), Filters.eq("organizationId", user.organizationId())),
                Updates.combine(
                        Updates.set("name", user.name()),
                        Updates.set("role", user.role().name()),
                        Updates.set("timeZone", user.timeZone() == null ? null : user.timeZone().getId()),
                        Updates.set("locale", user.locale())));
    }

    // --- tokens

    public void insertToken(String tokenHash, User owner, Instant createdAt) {
        tokens.insertOne(new Document("_id", tokenHash)
                .append("organizationId", owner.organizationId())
                .append("userId", owner.id())
                .append("createdAt", Date.from(createdAt)));
    }

    /** Registers a token whose value is configured (the demo token); nothing happens if it is registered. */
    public void insertTokenIfAbsent(String tokenHash, User owner, Instant createdAt) {
        tokens.updateOne(Filters.eq("_id", tokenHash), Updates.setOnInsert(new Document()
                        .append("organizationId", owner.organizationId())
                        .append("userId", owner.id())
                        .append("createdAt", Date.from(createdAt))),
                new UpdateOptions().upsert(true));
    }

    public Optional<TokenOwner> tokenOwner(String tokenHash) {
        return Optional.ofNullable(tokens.find(Filters.eq("_id", tokenHash)).first())
                .map(document -> new TokenOwner(document.getString("organizationId"), document.getString("userId")));
    }

    /** Deletes every token of the user; the next request with any of them finds nothing. */
    public long revokeTokens(String organizationId, String userId) {
        return tokens.deleteMany(Filters.and(Filters.eq("organizationId", organizationId),
                Filters.eq("userId", userId))).getDeletedCount();
    }

    @Override
    public void close() {
        client.close();
    }

    // --- mapping

    /** Whose token it is. */
    public record TokenOwner(String organizationId, String userId) {
    }

    /** The outbox fields of a new organisation: the event's id stays the same however often it is published. */
    public record PendingEvent(String eventId, String createdBy, String requestId) {
    }

    public record UnpublishedOrganization(OrganizationCreated event, String eventId, String requestId) {
    }

    /** Email addresses compare without regard to case: {@code Sara@x.ir} and {@code sara@x.ir} are one address. */
    static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static RuntimeException duplicateEmailOr(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? new DuplicateEmailException() : e;
    }

    private static Document toDocument(Organization organization) {
        return new Document("_id", organization.id())
                .append("name", organization.name())
                .append("timeZone", organization.timeZone().getId())
                .append("locale", organization.locale())
                .append("visibility", organization.visibility().name())
                .append("createdAt", Date.from(organization.createdAt()));
    }

    private static Organization organizationOf(Document document) {
        return new Organization(document.getString("_id"), document.getString("name"),
                ZoneId.of(document.getString("timeZone")), document.getString("locale"),
                Visibility.valueOf(document.getString("visibility")), document.getDate("createdAt").toInstant());
    }

    private static Document toDocument(User user) {
        return new Document("_id", user.id())
                .append("organizationId", user.organizationId())
                .append("name", user.name())
                .append("email", user.email())
                .append("emailKey", emailKey(user.email()))
                .append("role", user.role().name())
                .append("timeZone", user.timeZone() == null ? null : user.timeZone().getId())
                .append("locale", user.locale())
                .append("createdAt", Date.from(user.createdAt()));
    }

    private static User userOf(Document document) {
        String zone = document.getString("timeZone");
        return new User(document.getString("_id"), document.getString("organizationId"), document.getString("name"),
                document.getString("email"), Role.valueOf(document.getString("role")),
                zone == null ? null : ZoneId.of(zone), document.getString("locale"),
                document.getDate("createdAt").toInstant());
    }
}
