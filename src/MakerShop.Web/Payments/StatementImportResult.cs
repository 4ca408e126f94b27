namespace MakerShop.Web.Payments;

/// <summary>What one upload did: how many credits the file held and how many of them were already imported before.</summary>
public sealed record StatementImportResult(string ImportId, string Kind, int Credits, int New, int AlreadyImported);
