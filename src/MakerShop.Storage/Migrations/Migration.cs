namespace MakerShop.Storage.Migrations;

/// <summary>One schema step; versions are dense and never edited once released.</summary>
public sealed record Migration(int Version, string Name, string Sql);
