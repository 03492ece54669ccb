package dev.sluice.develop.version;

import java.util.List;

/** What one publish did: a record per submit, succeeded or failed with its reason. */
public record PublishOutcome(List<PublishRecord> records) {

    public List<Long> publishedSubmitIds() {
        return records.stream().filter(PublishRecord::succeeded).map(PublishRecord::submitId).toList();
    }
}
