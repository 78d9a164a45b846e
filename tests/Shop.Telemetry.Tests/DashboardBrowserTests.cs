using Microsoft.Playwright;

namespace Shop.Telemetry.Tests;

/// <summary>
/// The dashboard in a real browser (Debian's Chromium driven by Playwright; Playwright never downloads one): the
/// login is required, the overview counts both silos, the grains page lists the shop's grain types after traffic.
/// </summary>
[Collection(ObservedShopCollection.Name)]
public sealed class DashboardBrowserTests(ObservedShop shop)
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>How long any one step may take: generous, because the machine may be busy with other builds.</summary>
    private const float Timeout = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    [Fact]
    public async Task An_operator_signs_in_and_sees_both_silos_and_the_shop_grains()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test-deps.sh installs Debian's chromium");
        var shopper = new Shopper(shop.Http);
        var user = await shopper.CreateUser(deposit: 10m);
        await shopper.PlaceOrder(user, await shopper.CreateProduct(price: 1m, stock: 5));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync(new Uri(shop.BaseAddress, "/dashboard/").ToString());
        Assert.EndsWith("/dashboard/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.FillAsync("#username", ObservedShop.Username);
        await page.FillAsync("#password", "wrong-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.GetByRole(AriaRole.Alert).WaitForAsync();

        await page.FillAsync("#username", ObservedShop.Username);
        await page.FillAsync("#password", ObservedShop.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dashboard/");

        var activeSilos = page.Locator(".info-box-content").Filter(new LocatorFilterOptions { HasText = "Active Silos" }).Locator(".info-box-number");
        // The overview polls once a second; on a loaded machine the first answers take a while (Expect waits 5 s by default).
        await Assertions.Expect(activeSilos).ToHaveTextAsync("2", new LocatorAssertionsToHaveTextOptions { Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("dashboard-overview.png") });

        await page.GotoAsync(new Uri(shop.BaseAddress, "/dashboard/#/grains").ToString());
        foreach (var grain in (string[])["Shop.Orders.OrderGrain", "Shop.Inventory.InventoryGrain", "Shop.Users.WalletGrain", "Shop.Catalog.ProductGrain"])
            await page.Locator($"a[href='#/grain/{grain}']").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("dashboard-grains.png"), FullPage = true });
    }
}
