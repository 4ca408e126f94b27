namespace MakerShop.Storage.Stores;

/// <summary>The fulfilment desk's lists, in the order a parcel goes through them.</summary>
public enum DeskTab
{
    /// <summary>Drafts: produced, not labelled yet.</summary>
    Ready,

    /// <summary>Labelled but still on the packing table.</summary>
    Labelled,

    /// <summary>With the carrier and moving.</summary>
    InTransit,

    /// <summary>Tracking says something went wrong (exception, failed attempt, returned).</summary>
    Exceptions,

    Delivered,
}
