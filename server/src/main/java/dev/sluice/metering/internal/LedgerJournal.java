package dev.sluice.metering.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallRecord;

/**
 * The embedded ledger's journal: admitted calls appended to segment files beside the database, each record framed
 * with its length and a CRC-32C, so that a record torn by a crash is recognised and ignored on replay. A torn record
 * was never answered: the answer waits for the append to return.
 *
 * <p>A segment is a file of fixed size, filled with zeros when it starts and mapped into memory: an append copies the
 * framed records into the mapping, which is the operating system's page cache itself, so the records are kept when the
 * process dies (kill -9, out of memory) as soon as the copy returns; with {@code fsync} the pages are also forced to the
 * device before returning, which survives power loss too and costs a device flush per batch. Why a mapping rather than
 * a {@code write} per batch: with group commit at a batch of one or two calls, the system call was about a tenth of
 * what governance costs per call ({@code ./sluice bench admission} profiles, see the README). Why zeros first rather
 * than a sparse file: a disk that fills up then fails the segment's start with an {@code IOException}, instead of a
 * fault inside a copy into a page the file system cannot back. A zero length ends a segment's records on replay.
 *
 * <p>Hand-written rather than taken from a library (Chronicle Queue, a second embedded database): the whole need is
 * "append framed bytes, scan them back from a position, delete old files", which fits in this class, with no
 * off-heap memory, native code or configuration to carry.
 */
public final class LedgerJournal implements Closeable {

    /** A place in the journal: the byte just after a record, in a numbered segment. */
    record Position(long segment, long offset) {

        static final Position START = new Position(0, 0);
    }

    /** A record read back on replay, with the position just after it. */
    record Entry(CallRecord record, Position end) {
    }

    private static final String SUFFIX = ".journal";
    private static final int FORMAT = 1;
    private static final int MAX_RECORD_BYTES = 64 * 1024;
    /** What a new segment is filled with, a megabyte at a time. */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    private final Path dir;
    private final long segmentBytes;
    private final boolean fsync;
    private final FileChannel lockFile;
    private final FileLock lock;
    /** The frames of one append, encoded here first: a batch that does not fit the segment's rest starts a new one. */
    private ByteBuffer batch = ByteBuffer.allocate(64 * 1024);
    private final CRC32C crc = new CRC32C();

    private long nextSegment = 1;
    private boolean closed;
    private FileChannel current;
    private MappedByteBuffer mapped;
    private long currentSegment;

    private LedgerJournal(Path dir, long segmentBytes, boolean fsync, FileChannel lockFile, FileLock lock) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Opens the journal in {@code dir}, taking its lock: two processes sharing one journal would replay and delete
     * each other's records, so a second one is refused at start.
     */
    public static LedgerJournal open(Path dir, long segmentBytes, boolean fsync) {
        try {
            Files.createDirectories(dir);
            FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null; // another context of this JVM holds it
            }
            if (lock == null) {
                lockFile.close();
                throw new IllegalStateException("another Sluice process is using the ledger journal in " + dir
                        + "; one data directory serves one server");
            }
            return new LedgerJournal(dir, segmentBytes, fsync, lockFile, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger journal in " + dir, e);
        }
    }

    /**
     * Every intact record at or after {@code from}, in the order it was appended. Reading stops at the first torn or
     * corrupt record of a segment. Appends after this go to a new segment, never after a torn tail.
     */
    List<Entry> replay(Position from) {
        List<Entry> entries = new ArrayList<>();
        TreeMap<Long, Path> segments = segments(dir);
        for (var segment : segments.entrySet()) {
            long number = segment.getKey();
            if (number < from.segment()) continue;
            long start = number == from.segment() ? from.offset() : 0;
            try {
                read(number, Files.readAllBytes(segment.getValue()), start, entries);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ledger journal segment " + segment.getValue(), e);
            }
        }
        if (!segments.isEmpty()) nextSegment = Math.max(nextSegment, segments.lastKey() + 1);
        nextSegment = Math.max(nextSegment, from.segment() + 1);
        return entries;
    }

    /**
     * Every intact record in the journal in {@code dir}, oldest first, read without taking the journal's lock: a
     * server may be appending meanwhile, and a record it is halfway through writing is simply not there yet.
     */
    public static void forEachRecord(Path dir, Consumer<CallRecord> action) {
        if (!Files.isDirectory(dir)) return;
        for (var segment : segments(dir).entrySet()) {
            List<Entry> entries = new ArrayList<>();
            try {
                read(segment.getKey(), Files.readAllBytes(segment.getValue()), 0, entries);
            } catch (NoSuchFileException deleted) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ledger journal segment " + segment.getValue(), e);
            }
            for (Entry entry : entries) action.accept(entry.record());
        }
    }

    /** Appends the records in order and returns the position after the last one; when it returns, they are kept. */
    Position append(List<CallRecord> records) throws IOException {
        if (closed) throw new IOException("the ledger journal is closed");
        batch.clear();
        for (CallRecord call : records) frame(call);
        batch.flip();
        if (mapped != null && mapped.remaining() < batch.remaining()) closeCurrent();
        if (mapped == null) startSegment(Math.max(segmentBytes, batch.remaining()));
        int start = mapped.position();
        mapped.put(batch);
        if (fsync) {
            try {
                mapped.force(start, mapped.position() - start);
            } catch (UncheckedIOException failed) {
                // Not known to be on the device: the next append starts a segment of its own, after a clean end.
                closeCurrent();
                throw failed.getCause();
            }
        }
        Position end = new Position(currentSegment, mapped.position());
        if (!mapped.hasRemaining()) closeCurrent();
        return end;
    }

    /**
     * Deletes the segments numbered below {@code segment} (everything in them is in the rollups) that were last
     * written before {@code writtenBefore}: the retention of the per-call ledger.
     */
    void deleteBefore(long segment, Instant writtenBefore) {
        for (var entry : segments(dir).headMap(segment).entrySet()) {
            try {
                if (Files.getLastModifiedTime(entry.getValue()).toInstant().isBefore(writtenBefore)) {
                    Files.deleteIfExists(entry.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete ledger journal segment " + entry.getValue(), e);
            }
        }
    }

    /** Callers make sure no append runs meanwhile: a page touched after the segment is cut would fault. */
    @Override
    public void close() throws IOException {
        closed = true;
        closeCurrent();
        lock.release();
        lockFile.close();
    }

    private void startSegment(long bytes) throws IOException {
        long number = nextSegment++;
        FileChannel channel = FileChannel.open(dir.resolve(String.format("%016d", number) + SUFFIX),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            for (long written = 0; written < bytes; ) {
                written += channel.write(ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), bytes - written)), written);
            }
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
        } catch (IOException failed) {
            channel.close();
            throw failed;
        }
        current = channel;
        currentSegment = number;
    }

    /** Ends the segment where its records end, so that its file holds them and nothing after. */
    private void closeCurrent() {
        if (current == null) return;
        long end = mapped.position();
        // The mapping is dropped before the file shrinks: nothing may touch a page past the file's end.
        mapped = null;
        try (FileChannel channel = current) {
            channel.truncate(end);
        } catch (IOException ignored) {
            // The zeros after the records stay: replay stops at them just the same.
        }
        current = null;
    }

    private static TreeMap<Long, Path> segments(Path dir) {
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (!name.endsWith(SUFFIX)) return;
                try {
                    segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), file);
                } catch (NumberFormatException notOurs) {
                    // Not a segment of this journal: left alone.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the ledger journal in " + dir, e);
        }
        return segments;
    }

    // Frame: int length, int CRC-32C of the payload, payload.
    private void frame(CallRecord call) throws IOException {
        int header = batch.position();
        ensure(8);
        batch.position(header + 8);
        encode(call);
        int length = batch.position() - header - 8;
        if (length > MAX_RECORD_BYTES) throw new IOException("a journal record of " + length + " bytes is over the limit");
        crc.reset();
        crc.update(batch.array(), batch.arrayOffset() + header + 8, length);
        batch.putInt(header, length);
        batch.putInt(header + 4, (int) crc.getValue());
    }

    /** Room for {@code bytes} more in the batch buffer, which grows (rarely: a batch of 512 calls is about 80 KB). */
    private void ensure(int bytes) {
        if (batch.remaining() >= bytes) return;
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(batch.capacity() * 2, batch.position() + bytes));
        batch.flip();
        batch = bigger.put(batch);
    }

    private static void read(long segment, byte[] file, long start, List<Entry> into) {
        if (start > file.length) return;
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position((int) start);
        CRC32C check = new CRC32C();
        while (in.remaining() >= 8) {
            int length = in.getInt();
            int crc = in.getInt();
            if (length <= 0 || length > MAX_RECORD_BYTES || length > in.remaining()) return; // torn tail
            ByteBuffer payload = in.slice(in.position(), length);
            check.reset();
            check.update(payload.duplicate());
            if ((int) check.getValue() != crc) return; // torn or corrupt: nothing after it is trusted
            try {
                into.add(new Entry(decode(payload), new Position(segment, in.position() + length)));
            } catch (BufferUnderflowException | IllegalArgumentException malformed) {
                return;
            }
            in.position(in.position() + length);
        }
    }

    private void encode(CallRecord call) {
        ensure(1);
        batch.put((byte) FORMAT);
        writeString(call.requestId());
        writeNullable(call.accountId());
        writeNullable(call.userId());
        writeNullable(call.accessKeyId());
        writeString(call.action());
        ensure(1);
        batch.put((byte) call.level());
        writeString(call.type().name());
        ensure(8 + 4 + 1 + 1);
        batch.putLong(call.at().getEpochSecond()).putInt(call.at().getNano());
        batch.put((byte) (call.admitted() ? 1 : 0)).put((byte) (call.billable() ? 1 : 0));
        writeString(call.outcomeCode());
        ensure(4 + 8);
        batch.putInt(call.httpStatus()).putLong(call.latencyMillis());
        writeNullable(call.refusedBy());
    }

    private static CallRecord decode(ByteBuffer in) {
        if (in.get() != FORMAT) throw new IllegalArgumentException("unknown journal record format");
        String requestId = readString(in);
        Long accountId = in.get() == 0 ? null : in.getLong();
        Long userId = in.get() == 0 ? null : in.getLong();
        String accessKeyId = in.get() == 0 ? null : readString(in);
        String action = readString(in);
        int level = in.get();
        OperationType type = OperationType.valueOf(readString(in));
        Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
        boolean admitted = in.get() != 0;
        boolean billable = in.get() != 0;
        String outcomeCode = readString(in);
        int httpStatus = in.getInt();
        long latency = in.getLong();
        String refusedBy = in.get() == 0 ? null : readString(in);
        return new CallRecord(requestId, accountId, userId, accessKeyId, action, level, type, at, admitted, billable,
                outcomeCode, httpStatus, latency, refusedBy);
    }

    private void writeNullable(Long value) {
        ensure(9);
        batch.put((byte) (value != null ? 1 : 0));
        if (value != null) batch.putLong(value);
    }

    private void writeNullable(String value) {
        ensure(1);
        batch.put((byte) (value != null ? 1 : 0));
        if (value != null) writeString(value);
    }

    // Standard UTF-8 with an int length, as DataOutputStream.writeUTF's modified UTF-8 would be misread by a plain decoder.
    private void writeString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(4 + bytes.length);
        batch.putInt(bytes.length).put(bytes);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new IllegalArgumentException("bad string length");
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
