package app.kariz.mongo.embedded.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * An append-only file of changes, written and forced to disk before any answer that depends on them leaves the
 * server. Writers only append to a buffer; whoever first needs the buffer on disk writes and forces it for
 * everyone waiting (group commit), so many concurrent writes share one {@code fsync}.
 *
 * <p>Record: {@code int length, int crc32c, byte op, UTF collection, int position, bytes}. A record cut short by a
 * crash, or whose checksum does not match, ends the journal on recovery.
 */
final class Journal implements AutoCloseable {

    static final byte PUT = 1;
    static final byte DELETE = 2;
    static final byte DROP = 3;
    static final byte RENAME = 4;

    private final Path file;
    private final FileChannel channel;
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(64 * 1024);
    /**
     * Bytes handed to {@link #append}, ever; the end of the last record whose writer was promised durability; and
     * bytes known to be on disk.
     */
    private long appended;
    private long promised;
    private long durable;
    private boolean flushing;
    /** Set once a write or force failed: from then on nothing can be promised, so every caller is told. */
    private IOException failure;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        try {
            this.appended = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.durable = appended;
        this.promised = appended;
    }

    static Journal open(Path file) {
        try {
            return new Journal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * @param promise whether the writer will wait for this record to be on disk (else it goes with the next
     *                flush, forced by a later write, a read or the background flush)
     * @return the journal offset after this record: durable once {@link #awaitDurable} has passed it
     */
    synchronized long append(byte op, String collection, int position, byte[] payload, boolean promise) {
        byte[] name = collection.getBytes(StandardCharsets.UTF_8);
        int bodyLength = 1 + 2 + name.length + 4 + (payload == null ? 0 : payload.length);
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        body.put(op).putShort((short) name.length).put(name).putInt(position);
        if (payload != null) {
            body.put(payload);
        }
        CRC32C crc = new CRC32C();
        crc.update(body.array(), 0, bodyLength);
        try {
            DataOutputStream out = new DataOutputStream(pending);
            out.writeInt(bodyLength);
            out.writeInt((int) crc.getValue());
            out.write(body.array(), 0, bodyLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        appended += 8 + bodyLength;
        if (promise) {
            promised = appended;
        }
        return appended;
    }

    synchronized long appended() {
        return appended;
    }

    /** The end of the last record written with a promise of durability: what a reader must not see undone. */
    synchronized long promised() {
        return promised;
    }

    /** Returns once every record up to {@code offset} is written and forced to disk. */
    void awaitDurable(long offset) {
        ByteArrayOutputStream batch;
        long target;
        synchronized (this) {
            while (durable < offset && flushing) {
                waitForFlush();
            }
            if (failure != null) {
                throw new UncheckedIOException("The journal " + file + " could not be written", failure);
            }
            if (durable >= offset) {
                return;
            }
            flushing = true;
            batch = pending;
            pending = new ByteArrayOutputStream(64 * 1024);
            target = appended;
        }
        IOException failed = null;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(batch.toByteArray());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            failed = e;
        } finally {
            synchronized (this) {
                flushing = false;
                if (failed == null) {
                    durable = target;
                } else {
                    failure = failed;
                }
                notifyAll();
            }
        }
        if (failed != null) {
            throw new UncheckedIOException("Cannot write the journal " + file, failed);
        }
    }

    private void waitForFlush() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the journal", e);
        }
    }

    @Override
    public void close() {
        awaitDurable(appended());
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
