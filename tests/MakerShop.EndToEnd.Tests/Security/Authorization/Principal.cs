namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>Who sends a request of the matrix, and whose resources fill the route's parameters.</summary>
public enum Principal
{
    /// <summary>No credentials at all.</summary>
    Anonymous,

    /// <summary>No account, but the private key of the seeded order on every request (<c>?key=</c>).</summary>
    Customer,

    /// <summary>Maker A's session, with maker A's printer and job in the route.</summary>
    MakerOnOwn,

    /// <summary>Maker A's session, with maker B's printer and job in the route.</summary>
    MakerOnOther,

    /// <summary>The owner's session.</summary>
    Owner,

    /// <summary>The right owner key in <c>X-Owner-Key</c>, as the owner's scripts call.</summary>
    OwnerKey,

    /// <summary>A wrong owner key in <c>X-Owner-Key</c>.</summary>
    WrongOwnerKey,

    /// <summary>Printer A's device credentials (HTTP Basic), with printer A's job in the route.</summary>
    PrinterOnOwn,

    /// <summary>Printer A's device credentials, with printer B's job in the route.</summary>
    PrinterOnOther,
}
