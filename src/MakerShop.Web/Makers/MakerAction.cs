namespace MakerShop.Web.Makers;

/// <summary>What a maker can do to one of their printers from the maker area.</summary>
public enum MakerAction
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
