namespace MakerShop.Web.Shipping;

/// <summary>The papers of one shipment the owner can download.</summary>
public enum ShipmentDocumentKind
{
    Label,

    /// <summary>The CN 22 or CN 23, whichever the declaration's value and weight call for.</summary>
    CustomsDeclaration,

    CommercialInvoice,
}
