using MakerShop.Core;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.Core.Tests.Notifications;

public sealed class NotificationGroupingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero));
    private readonly NotificationGrouping _grouping = new(TimeSpan.FromMinutes(1));

    private NotificationItem Failure(string printer, string reason) =>
        new("owner", NotificationChannel.Ntfy, NotificationTopic.PrintFailed, printer, "Demo printer " + printer[^1], reason, _time.GetUtcNow());

    [Fact]
    public void A_burst_of_failures_on_one_printer_within_the_window_becomes_one_message_sent_when_the_window_ends()
    {
        IReadOnlyList<NotificationBatch> open = [];
        open = _grouping.Add(open, Failure("p1", "thermal runaway"), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(20));
        open = _grouping.Add(open, Failure("p1", "heating failed"), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(20));
        open = _grouping.Add(open, Failure("p1", "MINTEMP"), _time.GetUtcNow());

        var batch = Assert.Single(open);
        Assert.False(batch.IsDue(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(batch.IsDue(_time.GetUtcNow()));
        Assert.Equal(3, batch.Count);
        var message = NotificationWording.Compose(batch, "en");
        Assert.Equal("3 prints failed on Demo printer 1", message.Title);
        Assert.Contains("Last reason: MINTEMP", message.Body, StringComparison.Ordinal);
        Assert.Equal("3 impressions ont échoué sur Demo printer 1", NotificationWording.Compose(batch, "fr").Title);
    }

    [Fact]
    public void Another_printer_another_channel_or_a_failure_after_the_window_opens_its_own_message()
    {
        IReadOnlyList<NotificationBatch> open = [];
        open = _grouping.Add(open, Failure("p1", "a"), _time.GetUtcNow());
        open = _grouping.Add(open, Failure("p2", "b"), _time.GetUtcNow());
        open = _grouping.Add(open, Failure("p1", "c") with { Channel = NotificationChannel.Email }, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));
        open = _grouping.Add(open, Failure("p1", "d"), _time.GetUtcNow());

        Assert.Equal(4, open.Count);
        Assert.All(open, b => Assert.Equal(1, b.Count));
        Assert.Equal("A print failed on Demo printer 1", NotificationWording.Compose(open[0], "en").Title);
    }
}
