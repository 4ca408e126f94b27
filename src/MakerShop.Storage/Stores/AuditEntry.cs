namespace MakerShop.Storage.Stores;

public sealed record AuditEntry(DateTimeOffset At, string? UserId, string? UserEmail, string Action, string? Target, string? Detail, string? RemoteIp);
