/**
 * Batch tasks: their operations, and for the scheduler the {@code batch} named interface: {@link
 * dev.sluice.develop.batch.BatchTask} (a published version's content), {@link dev.sluice.develop.batch.TaskType} (which
 * types run and where), {@link dev.sluice.develop.batch.Schedules} (cron parsing) and {@link
 * dev.sluice.develop.batch.BatchTaskErrors} ({@code UnsupportedOperation.TaskType} for a type Sluice does not run).
 */
@org.springframework.modulith.NamedInterface("batch")
package dev.sluice.develop.batch;
