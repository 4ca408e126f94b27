namespace MakerShop.EndToEnd.Tests.Notifications;

/// <summary>One request a test receiver took: its path, headers and raw body, and the status it was answered with.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith, DateTimeOffset At);
