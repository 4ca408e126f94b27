namespace MakerShop.Storage.Stores;

/// <summary>One uploaded statement file: how many credits it held and how many of them were new.</summary>
public sealed record StatementImport(string Id, string FileName, string Kind, string? AccountIban, int CreditCount, int NewCount, DateTimeOffset ImportedAt);
