namespace MakerShop.Core;

/// <summary>How far a parcel travels in customs terms; a lower value is cheaper and faster.</summary>
public enum ShippingProximity
{
    Domestic = 0,
    SameCustomsTerritory = 1,
    CrossBorder = 2,
}
