using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>A grouped message claimed for sending, with where its person is reached.</summary>
public sealed record DueNotification(long Id, NotificationBatch Batch, int Attempts, string Email, string DisplayName, NotificationPreferences Preferences);
