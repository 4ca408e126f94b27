using MakerShop.Core;

namespace MakerShop.Core.Tests.Notifications;

public sealed class NotificationPreferencesTests
{
    private static readonly UserAccount Owner = new("u-owner", "owner@example.com", "Owner", UserRole.Owner, null, false);
    private static readonly UserAccount MakerA = new("u-a", "a@example.com", "A", UserRole.Maker, "maker-a", false);

    [Fact]
    public void A_person_gets_a_topic_only_on_the_channels_they_ticked_and_can_be_reached_on()
    {
        var prefs = NotificationPreferences.Create("u-owner", "fr", "https://ntfy.sh/my-farm", null, null,
            [new(NotificationTopic.PrintFailed, NotificationChannel.Ntfy), new(NotificationTopic.PaymentArrived, NotificationChannel.Email)], out var problems);

        Assert.Empty(problems);
        Assert.Equal("fr", prefs.Language);
        Assert.True(prefs.Wants(NotificationTopic.PrintFailed, NotificationChannel.Ntfy));
        Assert.False(prefs.Wants(NotificationTopic.PrintFailed, NotificationChannel.Email));
        Assert.True(prefs.Wants(NotificationTopic.PaymentArrived, NotificationChannel.Email));
        Assert.False(prefs.Wants(NotificationTopic.BedNeedsClearing, NotificationChannel.Ntfy));
    }

    [Fact]
    public void A_ticked_channel_without_its_address_and_malformed_addresses_are_named()
    {
        NotificationPreferences.Create("u", "en", "not a url", null, "chat 42",
            [new(NotificationTopic.PrintFailed, NotificationChannel.Discord), new(NotificationTopic.PrintFailed, NotificationChannel.Telegram)], out var problems);

        Assert.Equal("Url", problems["ntfyTopicUrl"]);
        Assert.Equal("ChannelNeedsAddress", problems["discordWebhookUrl"]);
        Assert.Equal("TelegramChatId", problems["telegramChatId"]);
    }

    [Fact]
    public void Choices_round_trip_through_their_stored_form()
    {
        NotificationChoice[] choices = [new(NotificationTopic.ParcelException, NotificationChannel.Telegram), new(NotificationTopic.PrintFailed, NotificationChannel.Email)];

        var stored = NotificationPreferences.FormatChoices(choices);

        Assert.Equal("PrintFailed:Email,ParcelException:Telegram", stored);
        Assert.Equal(choices.ToHashSet(), NotificationPreferences.ParseChoices(stored + ",Gone:Email"));
    }

    [Fact]
    public void The_owner_may_hear_everything_a_maker_only_about_their_own_printers()
    {
        Assert.True(NotificationAudience.Concerns(Owner, NotificationTopic.PaymentArrived, null));
        Assert.True(NotificationAudience.Concerns(Owner, NotificationTopic.PrintFailed, "maker-b"));
        Assert.True(NotificationAudience.Concerns(MakerA, NotificationTopic.PrintFailed, "maker-a"));
        Assert.False(NotificationAudience.Concerns(MakerA, NotificationTopic.PrintFailed, "maker-b"));
        Assert.False(NotificationAudience.Concerns(MakerA, NotificationTopic.PaymentArrived, null));
        Assert.False(NotificationAudience.Concerns(MakerA with { Disabled = true }, NotificationTopic.PrintFailed, "maker-a"));
        Assert.DoesNotContain(NotificationTopic.ParcelException, NotificationAudience.TopicsFor(UserRole.Maker));
    }

    [Fact]
    public void Timeline_entries_map_to_events_and_events_to_topics()
    {
        Assert.Equal(ShopEventType.OrderShipped, ShopEventRules.FromTimeline("Shipped", isJobEntry: false));
        Assert.Equal(ShopEventType.JobFailed, ShopEventRules.FromTimeline("Failed", isJobEntry: true));
        Assert.Equal(ShopEventType.ParcelException, ShopEventRules.FromTimeline("ShipmentReturned", isJobEntry: false));
        Assert.Null(ShopEventRules.FromTimeline("Queued", isJobEntry: true));
        Assert.Equal(NotificationTopic.PrinterOfflineMidPrint, ShopEventRules.TopicOf(ShopEventType.PrinterOffline, duringPrint: true));
        Assert.Null(ShopEventRules.TopicOf(ShopEventType.PrinterOffline, duringPrint: false));
        Assert.Equal(NotificationTopic.PaymentArrived, ShopEventRules.TopicOf(ShopEventType.OrderPaid, duringPrint: false));
        Assert.True(ShopEventRules.LeavesBedToClear("Failed", autoEject: true));
        Assert.True(ShopEventRules.LeavesBedToClear("Completed", autoEject: false));
        Assert.False(ShopEventRules.LeavesBedToClear("Completed", autoEject: true));
        Assert.False(ShopEventRules.LeavesBedToClear("Printing", autoEject: false));
    }
}
