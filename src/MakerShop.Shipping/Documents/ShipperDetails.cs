using MakerShop.Core;

namespace MakerShop.Shipping.Documents;

/// <summary>
/// The parties and references printed on the customs documents. <see cref="Sender"/> is in the country the parcel
/// leaves from; <see cref="GrossWeightGrams"/> is what the parcels weigh on the scale (parts plus packaging).
/// </summary>
public sealed record ShipperDetails(Address Sender, Address Recipient, string OrderId, string Signer, double GrossWeightGrams, int ParcelCount);
