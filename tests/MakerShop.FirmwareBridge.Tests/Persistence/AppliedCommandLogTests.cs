using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Commands;

namespace MakerShop.FirmwareBridge.Tests.Persistence;

public sealed class AppliedCommandLogTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_applied_command_log_keeps_only_the_most_recent_answers_oldest_first()
    {
        var log = new AppliedCommandLog();
        for (var i = 0; i < AppliedCommandLog.DefaultCapacity + 5; i++)
        {
            log.Remember(new CommandAckPayload($"cmd-{i}", true, null, At));
        }

        var kept = log.Snapshot();

        Assert.Equal(AppliedCommandLog.DefaultCapacity, kept.Count);
        Assert.Equal("cmd-5", kept[0].CommandId);
        Assert.False(log.TryGet("cmd-4", out _));
        Assert.True(log.TryGet($"cmd-{AppliedCommandLog.DefaultCapacity + 4}", out _));
    }

    [Fact]
    public void A_restored_log_answers_with_the_answers_it_was_given()
    {
        var log = new AppliedCommandLog([new CommandAckPayload("cmd-1", false, "busy", At)]);

        Assert.True(log.TryGet("cmd-1", out var ack));
        Assert.Equal((false, "busy"), (ack.Accepted, ack.Reason));
    }
}
