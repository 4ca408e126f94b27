using MakerShop.Web;

var app = MakerShopHost.Create(args);
await app.RunAsync();
