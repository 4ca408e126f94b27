namespace MakerShop.Core;

/// <summary>What a person can do to a printer from its page: the maker to theirs, the owner to the shop's own.</summary>
public enum PrinterAction
{
    Pause,
    Resume,
    Cancel,
    EmergencyStop,
    BedCleared,
    LoadFilament,
    TakeOutOfService,
    ReturnToService,
}
