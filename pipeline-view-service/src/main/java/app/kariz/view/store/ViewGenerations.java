package app.kariz.view.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which generation of the view ({@link ViewCollections}) is served: the single document
 * {@code view_generation: {_id: "current", generation: n}} (missing: generation 0). A rebuild fills generation
 * {@code n + 1} beside it and then switches with one single-document update, so every instance sees either the
 * old generation or the new one, never a mixture.
 *
 * <p>The number is cached and read again when it is older than {@code refreshEvery}: a switch made by another
 * instance is seen within {@code refreshEvery} (plus one read of the document), a switch made by this instance
 * at once ({@link #switchTo}). Until an instance has seen the switch it keeps serving the old generation, which
 * stays complete until the rebuild drops it well after that.
 *
 * <p>{@link #routed()} gives the collections everything else of the view uses: each call on one of them goes to
 * the same collection of the generation the calling thread is pinned to ({@link #pin()}: one request, one
 * consumed event), or else of the current one. So the queries and the projection keep working on plain
 * {@code MongoCollection}s and know nothing of generations, while one request or one event never straddles a
 * switch.
 */
public final class ViewGenerations {

    public static final String COLLECTION = "view_generation";
    public static final String CURRENT = "current";
    public static final String GENERATION = "generation";
    private static final long UNRESOLVED = -1;

    private final MongoDatabase database;
    private final MongoCollection<Document> pointer;
    private final long refreshEveryNanos;
    private final Map<Long, ViewCollections> byGeneration = new ConcurrentHashMap<>();
    /** The calling thread's pin: one element, {@link #UNRESOLVED} until the thread first needs a generation. */
    private final ThreadLocal<long[]> pinned = new ThreadLocal<>();
    private final ViewCollections routed;
    private volatile Cached cached;

    public ViewGenerations(MongoDatabase database, Duration refreshEvery) {
        this.database = database;
        this.pointer = database.getCollection(COLLECTION);
        this.refreshEveryNanos = refreshEvery.toNanos();
        this.routed = routedCollections();
    }

    /** The generation served now, as this instance knows it (at most {@code refreshEvery} old). */
    public long current() {
        long[] pin = pinned.get();
        if (pin != null) {
            if (pin[0] == UNRESOLVED) {
                pin[0] = cachedCurrent();
            }
            return pin[0];
        }
        return cachedCurrent();
    }

    private long cachedCurrent() {
        Cached known = cached;
        if (known == null || System.nanoTime() - known.readAtNanos() > refreshEveryNanos) {
            known = new Cached(read(), System.nanoTime());
            cached = known;
        }
        return known.generation();
    }

    /** The generation in MongoDB right now, bypassing the cache. */
    public long read() {
        Document document = pointer.find(Filters.eq("_id", CURRENT)).first();
        Number generation = document == null ? null : document.get(GENERATION, Number.class);
        return generation == null ? 0 : generation.longValue();
    }

    /**
     * Makes sure the pointer document exists (as generation 0 when it does not), so that compare-and-set updates
     * of it (switching, the rebuild's lock) have a document to compare against.
     */
    public void ensurePointer() {
        pointer.updateOne(Filters.eq("_id", CURRENT), Updates.setOnInsert(GENERATION, 0L),
                new UpdateOptions().upsert(true));
    }

    /** The pointer document, for the rebuild's lock that lives in it. */
    public MongoCollection<Document> pointer() {
        return pointer;
    }

    /**
     * Serves {@code to} instead of {@code from}, in one single-document update of the pointer, provided it still
     * names {@code from} and matches {@code stillHeld} (the rebuild's lock, which lives in the same document and is
     * released by {@code release} in the same update).
     *
     * @return whether it switched
     */
    public boolean switchTo(long from, long to, Bson stillHeld, Bson release) {
        boolean switched = pointer.updateOne(Filters.and(Filters.eq("_id", CURRENT), Filters.eq(GENERATION, from),
                stillHeld), Updates.combine(Updates.set(GENERATION, to), release)).getMatchedCount() == 1;
        if (switched) {
            cached = new Cached(to, System.nanoTime());
        }
        return switched;
    }

    /** The collections of one generation. */
    public ViewCollections collections(long generation) {
        return byGeneration.computeIfAbsent(generation, g -> ViewCollections.in(database, g));
    }

    /** The collections of the pinned or current generation, resolved on every call (see the class comment). */
    public ViewCollections routed() {
        return routed;
    }

    /**
     * Pins the calling thread until the returned pin is closed: everything the thread does through
     * {@link #routed()} meanwhile reads and writes one generation, the one current when it first needs one.
     * Resolving it lazily keeps work that never touches the view (completing a finished live stream, say) from
     * reading the pointer.
     */
    public Pin pin() {
        pinned.set(new long[]{UNRESOLVED});
        return pinned::remove;
    }

    /** Releases the thread's pin, if any (for code paths that cannot close a pin they did not open). */
    public void unpin() {
        pinned.remove();
    }

    /** The generations that have collections in the database, whatever their state. */
    public List<Long> existing() {
        List<Long> generations = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            long generation = ViewCollections.generationOf(name);
            if (generation >= 0 && !generations.contains(generation)) {
                generations.add(generation);
            }
        }
        return generations;
    }

    /** Drops the collections of every generation but {@code keep}: left over by a rebuild that did not finish. */
    public void dropAllBut(long keep) {
        for (long generation : existing()) {
            if (generation != keep) {
                drop(generation);
            }
        }
    }

    /** Drops the collections of {@code generation} that exist. */
    public void drop(long generation) {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (String baseName : ViewCollections.NAMES) {
            String name = ViewCollections.name(baseName, generation);
            if (existing.contains(name)) {
                database.getCollection(name).drop();
            }
        }
    }

    /** Ends a {@link #pin()}. */
    @FunctionalInterface
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    private ViewCollections routedCollections() {
        return new ViewCollections(
                routedTo(ViewCollections::positions), routedTo(ViewCollections::pipelines),
                routedTo(ViewCollections::activities), routedTo(ViewCollections::dealCards),
                routedTo(ViewCollections::timeline), routedTo(ViewCollections::parkedEvents),
                routedTo(ViewCollections::streamGaps));
    }

    /**
     * A {@code MongoCollection} whose every method is called on {@code which} collection of the generation the
     * caller resolves to at that moment. A JDK proxy rather than a hand-written delegate: the interface has a
     * hundred-odd methods and grows with the driver.
     */
    @SuppressWarnings("unchecked")
    private MongoCollection<Document> routedTo(Function<ViewCollections, MongoCollection<Document>> which) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[]{MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "routed " + which.apply(collections(current())).getNamespace();
                        };
                    }
                    try {
                        return method.invoke(which.apply(collections(current())), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private record Cached(long generation, long readAtNanos) {
    }
}
