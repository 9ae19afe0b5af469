package app.kariz.mongo.embedded.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Where the embedded MongoDB keeps its collections: in memory only, or in memory with every change journaled to
 * a directory before it is acknowledged.
 *
 * <p>On disk: {@code snapshot-N.bin}, every collection as it was at some point after journal N began, and
 * {@code journal-N.log}, {@code journal-N+1.log}, … the changes since. Recovery loads the newest snapshot and
 * replays the journals from its number on. Because a journal record sets a slot to a value (or empties it), a
 * snapshot taken while writes go on may already hold some of the changes its journal repeats: replaying them
 * again ends in the same state. A checkpoint starts a new journal, writes a new snapshot beside the old files,
 * and only then deletes them.
 */
public final class Storage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Storage.class);
    static final String LOCK_FILE = "mongo.lock";
    private static final Pattern FILE = Pattern.compile("(snapshot|journal)-(\\d+)\\.(bin|log)");
    private static final int SNAPSHOT_MAGIC = 0x4b5a534e; // "KZSN"
    /** A journal this long is folded into a new snapshot, so recovery replays at most about this much. */
    private static final long CHECKPOINT_BYTES = Long.getLong("kariz.embedded-mongo.checkpoint-bytes",
            128L * 1024 * 1024);
    /** How long a write without journaling waits for the disk at most (milliseconds), as MongoDB's commit interval. */
    static final long BACKGROUND_FLUSH = 100;

    private final Path directory;
    private final Map<String, List<byte[]>> recovered;
    private final Map<String, CollectionStore> live = new ConcurrentHashMap<>();
    private volatile Journal journal;
    /** The journal a checkpoint just replaced, until it is closed (forced): readers wait for it too. */
    private volatile Journal replaced;
    /** Set while this thread runs a command whose writer asked for no journaling ({@code j: false}). */
    private final ThreadLocal<Boolean> relaxed = new ThreadLocal<>();
    private ScheduledExecutorService backgroundFlush;
    private long generation;
    private final ThreadLocal<Written> lastWrite = new ThreadLocal<>();
    private final Object checkpointLock = new Object();
    private volatile boolean checkpointing;
    private volatile boolean closed;
    /** Held while the store is open: one process at a time owns the directory. */
    private FileLock ownership;

    private record Written(Journal journal, long offset) {
    }

    private Storage(Path directory, Map<String, List<byte[]>> recovered, long generation) {
        this.directory = directory;
        this.recovered = recovered;
        this.generation = generation;
    }

    /** Nothing on disk: gone when the process ends. */
    public static Storage inMemory() {
        return new Storage(null, new ConcurrentHashMap<>(), 0);
    }

    /** Opens (or creates) the directory, recovers what it holds and starts a new journal. */
    public static Storage durable(Path directory) {
        FileLock ownership = null;
        try {
            Files.createDirectories(directory);
            ownership = own(directory);
            Map<Long, Path> snapshots = new TreeMap<>();
            Map<Long, Path> journals = new TreeMap<>();
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(file -> {
                    Matcher name = FILE.matcher(file.getFileName().toString());
                    if (name.matches()) {
                        (name.group(1).equals("snapshot") ? snapshots : journals).put(Long.parseLong(name.group(2)), file);
                    }
                });
            }
            long base = snapshots.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            Map<String, List<byte[]>> state = base == 0 ? new LinkedHashMap<>() : readSnapshot(snapshots.get(base));
            long replayed = 0;
            long newest = base;
            for (Map.Entry<Long, Path> entry : journals.entrySet()) {
                if (entry.getKey() >= base) {
                    replayed += replay(entry.getValue(), state);
                    newest = Math.max(newest, entry.getKey());
                }
            }
            Storage storage = new Storage(directory, new ConcurrentHashMap<>(state), newest + 1);
            log.info("Recovered {} collections from {} (snapshot {}, {} journal records)", state.size(), directory,
                    base, replayed);
            long keep = base;
            if (replayed > 0 || newest > base) {
                storage.writeSnapshot(storage.generation, state);
                keep = storage.generation;
            }
            storage.deleteBefore(keep, snapshots, journals);
            storage.journal = Journal.open(storage.journalFile(storage.generation));
            storage.startBackgroundFlush();
            storage.ownership = ownership;
            return storage;
        } catch (IOException e) {
            release(ownership);
            throw new UncheckedIOException("Cannot open the MongoDB data in " + directory, e);
        } catch (RuntimeException e) {
            release(ownership);
            throw e;
        }
    }

    /**
     * Locks {@code directory} for this process. A second process on the same files (a second stack started on one
     * data directory, or a new one while the old is still writing its last checkpoint) would write snapshots and
     * journals under the same names as the first and lose what either acknowledged.
     */
    private static FileLock own(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this process has it open already
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The MongoDB data in " + directory + " is in use by another process (or "
                    + "another store in this one); stop it first, or give this one its own directory");
        }
        return lock;
    }

    private static void release(FileLock ownership) {
        if (ownership != null) {
            try {
                ownership.channel().close();
            } catch (IOException e) {
                log.warn("Could not release the lock of the MongoDB data directory", e);
            }
        }
    }

    public boolean isDurable() {
        return directory != null;
    }

    /** The databases that held collections when the store was opened. */
    public Set<String> recoveredDatabases() {
        Set<String> databases = new TreeSet<>();
        for (String fullName : recovered.keySet()) {
            databases.add(fullName.substring(0, fullName.indexOf('.')));
        }
        return databases;
    }

    /** The store of a collection being opened: what recovery found under that name, else an empty one. */
    public CollectionStore open(String fullName) {
        List<byte[]> slots = recovered.remove(fullName);
        CollectionStore store = new CollectionStore(this, fullName, slots == null ? List.of() : slots);
        live.put(fullName, store);
        return store;
    }

    void log(byte op, String fullName, int position, byte[] payload) {
        Journal current = journal;
        if (current != null) {
            boolean promise = relaxed.get() == null;
            long offset = current.append(op, fullName, position, payload, promise);
            if (promise) {
                lastWrite.set(new Written(current, offset));
            }
            if (current.appended() > CHECKPOINT_BYTES && !checkpointing) {
                startCheckpoint();
            }
        }
    }

    void renamed(CollectionStore store, String from, String to) {
        live.remove(from, store);
        live.put(to, store);
        log(Journal.RENAME, from, 0, to.getBytes(StandardCharsets.UTF_8));
    }

    void dropped(CollectionStore store, String fullName) {
        live.remove(fullName, store);
        log(Journal.DROP, fullName, 0, null);
    }

    /**
     * Returns once everything this thread wrote, and everything any reader could have seen so far, is on disk:
     * so no answer ever reports a change that a crash could still take back.
     */
    public void awaitDurable() {
        Written written = lastWrite.get();
        if (written != null) {
            lastWrite.remove();
            written.journal().awaitDurable(written.offset());
        }
        Journal previous = replaced;
        if (previous != null) {
            previous.awaitDurable(previous.promised());
        }
        Journal current = journal;
        if (current != null) {
            current.awaitDurable(current.promised());
        }
    }

    /**
     * Runs a command whose writes were sent with write concern {@code j: false}, as MongoDB does: they are
     * acknowledged once applied, and reach the disk with the next flush (at most {@link #BACKGROUND_FLUSH} later,
     * or sooner with any journaled write after them, since the journal is written in order). A crash can take
     * back the last of them, never a journaled write, and never one without the writes before it. Kariz sends
     * such writes only for state it rebuilds from events (tracking tokens, directories).
     */
    public <T> T relaxingDurability(Supplier<T> command) {
        relaxed.set(Boolean.TRUE);
        try {
            return command.get();
        } finally {
            relaxed.remove();
        }
    }

    private void startBackgroundFlush() {
        backgroundFlush = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-flush");
            thread.setDaemon(true);
            return thread;
        });
        backgroundFlush.scheduleWithFixedDelay(() -> {
            try {
                Journal current = journal;
                current.awaitDurable(current.appended());
            } catch (RuntimeException e) {
                log.error("Background flush of the journal failed", e);
            }
        }, BACKGROUND_FLUSH, BACKGROUND_FLUSH, TimeUnit.MILLISECONDS);
    }

    private void startCheckpoint() {
        synchronized (checkpointLock) {
            if (checkpointing || closed) {
                return;
            }
            checkpointing = true;
        }
        Thread thread = new Thread(() -> {
            try {
                checkpoint();
            } catch (RuntimeException e) {
                log.error("Checkpoint failed; the journal keeps growing until the next one", e);
            } finally {
                checkpointing = false;
            }
        }, "embedded-mongo-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new journal, then a snapshot of every collection, then the old files go. */
    public void checkpoint() {
        if (directory == null) {
            return;
        }
        synchronized (checkpointLock) {
            Journal previous = journal;
            long next = generation + 1;
            replaced = previous;
            journal = Journal.open(journalFile(next));
            generation = next;
            Map<String, List<byte[]>> state = new LinkedHashMap<>();
            // Taking each store's lock after the switch waits out any write still appending to the old journal,
            // so the copy holds every change that journal has.
            for (CollectionStore store : List.copyOf(live.values())) {
                synchronized (store) {
                    state.put(store.fullName(), store.copySlots());
                }
            }
            previous.close();
            replaced = null;
            writeSnapshot(next, state);
            try {
                deleteBefore(next, listed("snapshot"), listed("journal"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("Checkpoint {}: {} collections", next, state.size());
        }
    }

    private Map<Long, Path> listed(String kind) throws IOException {
        Map<Long, Path> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(directory)) {
            all.forEach(file -> {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches() && name.group(1).equals(kind)) {
                    files.put(Long.parseLong(name.group(2)), file);
                }
            });
        }
        return files;
    }

    private void deleteBefore(long keep, Map<Long, Path> snapshots, Map<Long, Path> journals) throws IOException {
        for (Map<Long, Path> files : List.of(snapshots, journals)) {
            for (Map.Entry<Long, Path> file : files.entrySet()) {
                if (file.getKey() < keep) {
                    Files.deleteIfExists(file.getValue());
                }
            }
        }
    }

    private Path journalFile(long number) {
        return directory.resolve("journal-" + number + ".log");
    }

    private void writeSnapshot(long number, Map<String, List<byte[]>> state) {
        Path target = directory.resolve("snapshot-" + number + ".bin");
        Path temporary = directory.resolve("snapshot-" + number + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                         java.nio.channels.Channels.newOutputStream(channel), 1 << 16))) {
                out.writeInt(SNAPSHOT_MAGIC);
                out.writeInt(state.size());
                for (Map.Entry<String, List<byte[]>> collection : state.entrySet()) {
                    out.writeUTF(collection.getKey());
                    out.writeInt(collection.getValue().size());
                    for (byte[] document : collection.getValue()) {
                        if (document == null) {
                            out.writeInt(-1);
                        } else {
                            out.writeInt(document.length);
                            out.write(document);
                        }
                    }
                }
                out.writeInt(SNAPSHOT_MAGIC);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true); // the rename itself must survive a power cut
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the snapshot " + target, e);
        }
    }

    private static Map<String, List<byte[]>> readSnapshot(Path file) throws IOException {
        Map<String, List<byte[]>> state = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != SNAPSHOT_MAGIC) {
                throw new IOException(file + " is not a snapshot");
            }
            int collections = in.readInt();
            for (int c = 0; c < collections; c++) {
                String name = in.readUTF();
                int slots = in.readInt();
                List<byte[]> documents = new ArrayList<>(slots);
                for (int s = 0; s < slots; s++) {
                    int length = in.readInt();
                    documents.add(length < 0 ? null : in.readNBytes(length));
                }
                state.put(name, documents);
            }
            if (in.readInt() != SNAPSHOT_MAGIC) {
                throw new IOException(file + " ends early");
            }
        }
        return state;
    }

    /** Applies a journal's records to the state; stops at a torn or corrupt tail and cuts it off. */
    private static long replay(Path file, Map<String, List<byte[]>> state) throws IOException {
        long records = 0;
        long good = 0;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                if (length <= 0 || length > 64 * 1024 * 1024) {
                    break;
                }
                int checksum;
                byte[] body;
                try {
                    checksum = in.readInt();
                    body = in.readNBytes(length);
                } catch (EOFException torn) {
                    break;
                }
                if (body.length < length) {
                    break;
                }
                CRC32C crc = new CRC32C();
                crc.update(body);
                if ((int) crc.getValue() != checksum) {
                    break;
                }
                apply(ByteBuffer.wrap(body), state);
                records++;
                good += 8 + length;
            }
        }
        if (Files.size(file) > good) {
            log.warn("Journal {} ends in an incomplete record after {} bytes: cut off (it was never acknowledged)",
                    file, good);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(good);
            }
        }
        return records;
    }

    private static void apply(ByteBuffer body, Map<String, List<byte[]>> state) {
        byte op = body.get();
        byte[] name = new byte[Short.toUnsignedInt(body.getShort())];
        body.get(name);
        String collection = new String(name, StandardCharsets.UTF_8);
        int position = body.getInt();
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        switch (op) {
            case Journal.PUT -> {
                List<byte[]> slots = state.computeIfAbsent(collection, any -> new ArrayList<>());
                while (slots.size() <= position) {
                    slots.add(null);
                }
                slots.set(position, payload);
            }
            case Journal.DELETE -> {
                List<byte[]> slots = state.get(collection);
                if (slots != null && position < slots.size()) {
                    slots.set(position, null);
                }
            }
            case Journal.DROP -> state.remove(collection);
            case Journal.RENAME -> {
                List<byte[]> moved = state.remove(collection);
                if (moved != null) {
                    // The target may already hold what a snapshot copied after the rename: overlaying the
                    // renamed slots and then replaying the changes after the rename ends in the same state.
                    List<byte[]> target = state.computeIfAbsent(new String(payload, StandardCharsets.UTF_8),
                            any -> new ArrayList<>());
                    for (int slot = 0; slot < moved.size(); slot++) {
                        if (moved.get(slot) != null) {
                            while (target.size() <= slot) {
                                target.add(null);
                            }
                            target.set(slot, moved.get(slot));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("Unknown journal record " + op);
        }
    }

    /** Writes what is pending, checkpoints so the next start replays nothing, and closes the journal. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (directory != null) {
            try {
                backgroundFlush.shutdownNow();
                checkpoint();
                journal.close();
            } finally {
                release(ownership);
            }
        }
    }
}
