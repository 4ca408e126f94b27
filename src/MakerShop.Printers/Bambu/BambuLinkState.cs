namespace MakerShop.Printers.Bambu;

/// <summary>Where a session with a Bambu Lab printer's MQTT broker stands.</summary>
public enum BambuLinkState
{
    Connecting,
    Connected,
    /// <summary>No connection now; the session keeps trying with growing pauses.</summary>
    Unreachable,
    /// <summary>The printer refused user <c>bblp</c> with this access code: retrying cannot help until the code is changed.</summary>
    AccessCodeRefused,
    /// <summary>The printer presented another certificate than the pinned one: the shop does not talk to it.</summary>
    CertificateChanged,
}
