package dev.sluice.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallRecord;

class LedgerJournalTest {

    @TempDir
    Path dir;

    static CallRecord call(int n) {
        return new CallRecord("req-" + n, 7L, 8L, "LTAI-é-" + n, "GetMyTenants", 1, OperationType.READ,
                Instant.parse("2026-12-02T01:02:03.123456789Z").plusSeconds(n), true, n % 2 == 0, "OK", 200, n, null);
    }

    @Test
    void replayGivesBackEveryRecordAsAppended() throws IOException {
        List<CallRecord> calls = IntStream.range(0, 10).mapToObj(LedgerJournalTest::call).toList();
        CallRecord refusal = new CallRecord("req-x", null, null, null, "ListUsers", 2, OperationType.WRITE, Instant.EPOCH,
                false, false, "Throttling.User", 429, 0, "throttle");
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            journal.append(calls.subList(0, 4));
            journal.append(calls.subList(4, 10));
            journal.append(List.of(refusal));
        }
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            List<LedgerJournal.Entry> replayed = journal.replay(LedgerJournal.Position.START);
            assertThat(replayed).extracting(LedgerJournal.Entry::record)
                    .containsExactlyElementsOf(Stream.concat(calls.stream(), Stream.of(refusal)).toList());
        }
    }

    @Test
    void replayStartsAfterTheMarkAndNewAppendsGoToANewSegment() throws IOException {
        LedgerJournal.Position mark;
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            mark = journal.append(List.of(call(1), call(2)));
            journal.append(List.of(call(3)));
        }
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            assertThat(journal.replay(mark)).extracting(e -> e.record().requestId()).containsExactly("req-3");
            LedgerJournal.Position next = journal.append(List.of(call(4)));
            assertThat(next.segment()).isGreaterThan(mark.segment());
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndWhatCameBeforeIsKept() throws IOException {
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            journal.append(List.of(call(1), call(2), call(3)));
        }
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 5); // the process died inside the last write
        }
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            assertThat(journal.replay(LedgerJournal.Position.START)).extracting(e -> e.record().requestId())
                    .containsExactly("req-1", "req-2");
        }
    }

    @Test
    void aCorruptRecordEndsTheSegmentsReplay() throws IOException {
        LedgerJournal.Position first;
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            first = journal.append(List.of(call(1)));
            journal.append(List.of(call(2), call(3)));
        }
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(first.offset() + 12); // inside the payload of req-2: its checksum no longer matches
            file.write('#');
        }
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            assertThat(journal.replay(LedgerJournal.Position.START)).extracting(e -> e.record().requestId())
                    .containsExactly("req-1");
        }
    }

    @Test
    void segmentsRollOverAndThoseOlderThanTheRetentionAreDeleted() throws IOException {
        try (LedgerJournal journal = LedgerJournal.open(dir, 200, false)) {
            LedgerJournal.Position a = journal.append(List.of(call(1), call(2)));
            LedgerJournal.Position b = journal.append(List.of(call(3), call(4)));
            assertThat(b.segment()).isGreaterThan(a.segment());
            journal.deleteBefore(b.segment(), Instant.now().minusSeconds(3600));
            assertThat(journal.replay(LedgerJournal.Position.START)).as("written less than an hour ago: kept").hasSize(4);
            journal.deleteBefore(b.segment(), Instant.now().plusSeconds(1));
            assertThat(journal.replay(LedgerJournal.Position.START)).extracting(e -> e.record().requestId())
                    .containsExactly("req-3", "req-4");
        }
    }

    @Test
    void aSegmentLeftByAKilledProcessEndsAtItsZerosAndIsNotAppendedTo(@TempDir Path elsewhere) throws IOException {
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            journal.append(List.of(call(1), call(2)));
            // As the process would leave it when killed now: the segment at its full size, zeros after the records.
            Path segment = onlySegment();
            Files.copy(segment, elsewhere.resolve(segment.getFileName()));
        }
        assertThat(Files.size(elsewhere.resolve(onlySegment().getFileName()))).isEqualTo(1 << 20);
        try (LedgerJournal journal = LedgerJournal.open(elsewhere, 1 << 20, false)) {
            assertThat(journal.replay(LedgerJournal.Position.START)).extracting(e -> e.record().requestId())
                    .containsExactly("req-1", "req-2");
            assertThat(journal.append(List.of(call(3))).segment()).as("a new segment, never after the zeros").isEqualTo(2);
        }
    }

    @Test
    void aBatchLargerThanASegmentGetsASegmentOfItsOwn() throws IOException {
        List<CallRecord> many = IntStream.range(0, 50).mapToObj(LedgerJournalTest::call).toList();
        LedgerJournal.Position end;
        try (LedgerJournal journal = LedgerJournal.open(dir, 200, false)) {
            end = journal.append(many);
            assertThat(end.offset()).isGreaterThan(200);
            assertThat(journal.replay(LedgerJournal.Position.START)).extracting(LedgerJournal.Entry::record)
                    .containsExactlyElementsOf(many);
        }
        assertThat(Files.size(onlySegment())).as("filled exactly, and closed").isEqualTo(end.offset());
    }

    @Test
    void withFsyncEveryAppendIsForcedAndReadBackTheSame() throws IOException {
        List<CallRecord> calls = IntStream.range(0, 5).mapToObj(LedgerJournalTest::call).toList();
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, true)) {
            journal.append(calls.subList(0, 2));
            journal.append(calls.subList(2, 5));
        }
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, true)) {
            assertThat(journal.replay(LedgerJournal.Position.START)).extracting(LedgerJournal.Entry::record)
                    .containsExactlyElementsOf(calls);
        }
    }

    @Test
    void aClosedJournalRefusesAppendsInsteadOfStartingASegment() throws IOException {
        LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false);
        journal.append(List.of(call(1)));
        journal.close();
        assertThatThrownBy(() -> journal.append(List.of(call(2)))).isInstanceOf(IOException.class).hasMessageContaining("closed");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".journal"))).hasSize(1);
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameJournal() throws IOException {
        try (LedgerJournal journal = LedgerJournal.open(dir, 1 << 20, false)) {
            // The lock is the operating system's, so a second channel in this JVM is refused as another process would be.
            assertThatThrownBy(() -> LedgerJournal.open(dir, 1 << 20, false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another Sluice process");
        }
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".journal")).findFirst().orElseThrow();
        }
    }
}
