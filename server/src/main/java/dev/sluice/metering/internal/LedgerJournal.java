package dev.sluice.metering.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
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
 * <p>An append is a {@code write} to the file, which the operating system keeps when the process dies (kill -9, out
 * of memory); with {@code fsync} it is also forced to the device before returning, which survives power loss too and
 * costs a device flush per batch.
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

    private final Path dir;
    private final long segmentBytes;
    private final boolean fsync;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(512);
    private final DataOutputStream record = new DataOutputStream(scratch);
    private final CRC32C crc = new CRC32C();

    private long nextSegment = 1;
    private FileChannel current;
    private long currentSegment;
    private long offset;

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
        if (current == null) startSegment();
        batch.reset();
        for (CallRecord call : records) frame(call);
        ByteBuffer bytes = ByteBuffer.wrap(batch.toByteArray());
        try {
            while (bytes.hasRemaining()) current.write(bytes);
            if (fsync) current.force(false);
        } catch (IOException failed) {
            // What reached the file may end in a torn record; appending after it would hide what follows on replay.
            closeCurrent();
            throw failed;
        }
        offset += bytes.limit();
        Position end = new Position(currentSegment, offset);
        if (offset >= segmentBytes) closeCurrent();
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

    @Override
    public void close() throws IOException {
        closeCurrent();
        lock.release();
        lockFile.close();
    }

    private void startSegment() throws IOException {
        currentSegment = nextSegment++;
        current = FileChannel.open(dir.resolve(String.format("%016d", currentSegment) + SUFFIX),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        offset = 0;
    }

    private void closeCurrent() {
        if (current == null) return;
        try {
            current.close();
        } catch (IOException ignored) {
            // Nothing more is written to it; replay reads what it holds.
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
        scratch.reset();
        encode(call, record);
        byte[] payload = scratch.toByteArray();
        crc.reset();
        crc.update(payload);
        writeInt(payload.length);
        writeInt((int) crc.getValue());
        batch.write(payload);
    }

    private void writeInt(int value) {
        batch.write(value >>> 24);
        batch.write(value >>> 16);
        batch.write(value >>> 8);
        batch.write(value);
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

    private static void encode(CallRecord call, DataOutputStream out) throws IOException {
        out.writeByte(FORMAT);
        writeString(out, call.requestId());
        writeNullable(out, call.accountId());
        writeNullable(out, call.userId());
        writeNullable(out, call.accessKeyId());
        writeString(out, call.action());
        out.writeByte(call.level());
        writeString(out, call.type().name());
        out.writeLong(call.at().getEpochSecond());
        out.writeInt(call.at().getNano());
        out.writeBoolean(call.admitted());
        out.writeBoolean(call.billable());
        writeString(out, call.outcomeCode());
        out.writeInt(call.httpStatus());
        out.writeLong(call.latencyMillis());
        writeNullable(out, call.refusedBy());
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

    private static void writeNullable(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeLong(value);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) writeString(out, value);
    }

    // Standard UTF-8 with an int length, not writeUTF's modified UTF-8 (which a plain decoder would misread).
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new IllegalArgumentException("bad string length");
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
