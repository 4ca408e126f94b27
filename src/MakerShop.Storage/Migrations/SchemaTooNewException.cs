namespace MakerShop.Storage.Migrations;

/// <summary>The database was written by a newer MakerShop; running older code on it could lose data.</summary>
public sealed class SchemaTooNewException : Exception
{
    public SchemaTooNewException(string databaseFile, int databaseVersion, int knownVersion)
        : base($"The database '{databaseFile}' has schema version {databaseVersion}, but this build of MakerShop only knows versions up to {knownVersion}. " +
               "Run a newer MakerShop, or restore a backup made by this version. Nothing was changed.")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int DatabaseVersion { get; }

    public int KnownVersion { get; }
}
