package app.kariz.view.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kariz.view.rebuild.*}: rebuilding the view from the event topics ({@link ViewRebuild}).
 *
 * @param closeEnough      how many records the rebuild may still be behind the topics' ends when it pauses this
 *                         instance's live consumer for the last catch-up and the switch; the pause lasts about as
 *                         long as applying that many (default 1000)
 * @param drainAfterSwitch how long the rebuild goes on reading the topics into the new generation after the
 *                         switch, with the live consumer still paused: other instances of the service apply events
 *                         to the old generation until they see the switch ({@code kariz.view.generation-refresh}),
 *                         and this brings those events into the new one too. Must be well above the refresh
 *                         interval (default 2s)
 * @param dropOldAfter     how long after the switch the old generation is dropped: requests that began before the
 *                         switch still read it (default 30s)
 * @param lease            how long the rebuild lock holds without being renewed; a rebuild whose instance stopped
 *                         blocks the next one at most this long (default 30s)
 * @param progressEvery    how often the lease is renewed and the status's {@code eventsApplied} written (default 1s)
 * @param maxAttempts      how often one event may fail before the rebuild fails (default 5)
 */
@ConfigurationProperties("kariz.view.rebuild")
public record RebuildProperties(@DefaultValue("1000") long closeEnough,
                                @DefaultValue("2s") Duration drainAfterSwitch,
                                @DefaultValue("30s") Duration dropOldAfter,
                                @DefaultValue("30s") Duration lease,
                                @DefaultValue("1s") Duration progressEvery,
                                @DefaultValue("5") int maxAttempts) {
}
