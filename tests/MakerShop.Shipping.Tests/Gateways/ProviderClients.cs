using System.Net.Http.Headers;
using System.Text;
using MakerShop.Shipping.EasyPost;
using MakerShop.Shipping.Shippo;
using Refit;

namespace MakerShop.Shipping.Tests.Gateways;

internal static class ProviderClients
{
    public static IEasyPostApi EasyPost(Uri baseAddress, string? apiKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
        }

        return RestService.For<IEasyPostApi>(http, ProviderJson.RefitSettings());
    }

    public static IShippoApi Shippo(Uri baseAddress, string? token)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ShippoToken", token);
        }

        return RestService.For<IShippoApi>(http, ProviderJson.RefitSettings());
    }
}
