using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace FutureSim.Viewer.Tests.Browser;

/// <summary>
/// One real headless Chromium (Debian's <c>chromium</c> driven by its <c>chromedriver</c>) shared by the tests:
/// started with a fresh profile and no background networking, its console collected.
/// </summary>
public sealed class Chromium : IDisposable
{
    public const string Binary = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "futuresim-chromium-" + Guid.NewGuid().ToString("N"));

    public Chromium()
    {
        if (!File.Exists(Binary) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium and chromium-driver ({Binary}, {Driver}): apt-get install chromium chromium-driver (.ci/run does).");
        }

        Environment.SetEnvironmentVariable("SE_OFFLINE", "true"); // never let Selenium look for drivers online
        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,800", $"--user-data-dir={_profile}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver_ = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver_.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public ChromeDriver Driver_ { get; }

    public IWebDriver Web => Driver_;

    /// <summary>
    /// Opens a page and waits until the viewer has rendered it: its body carries a render counter (reset first) and
    /// the route drawn, so that a render of the page before, finishing late, is not taken for it.
    /// </summary>
    public void Open(string url)
    {
        var route = url.Contains('#', StringComparison.Ordinal) ? url[url.IndexOf('#', StringComparison.Ordinal)..] : null;
        ResetRendered();
        Web.Navigate().GoToUrl(url);
        WaitFor(() => RenderCount() > 0 && (route is null || Script("return document.body ? document.body.dataset.route : null;") as string == route), 20);
    }

    /// <summary>Follows an in-page link and waits for the page it leads to.</summary>
    public void Click(IWebElement element)
    {
        ResetRendered();
        element.Click();
        WaitRendered();
    }

    public void WaitRendered() => WaitFor(() => RenderCount() > 0, 20);

    /// <summary>Waits for a condition of the page; an element replaced while it is read (the page re-rendered) is read again.</summary>
    public void WaitFor(Func<bool> condition, int seconds = 15)
    {
        var wait = new WebDriverWait(Web, TimeSpan.FromSeconds(seconds)) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        wait.Until(_ => condition());
    }

    /// <summary>The text of the element <paramref name="by"/> finds, read again when the page re-renders it while it is read.</summary>
    public string Text(By by)
    {
        var text = "";
        WaitFor(() =>
        {
            text = Web.FindElement(by).Text;
            return true;
        });
        return text;
    }

    /// <summary>Leaves the viewer's pages (they poll a run being written) and forgets their console, before their server stops.</summary>
    public void Leave()
    {
        Web.Navigate().GoToUrl("about:blank");
        _ = ConsoleErrors();
    }

    /// <summary>Opens the address a viewer printed (which sets its access cookie) and forgets the console of earlier pages.</summary>
    public void SignIn(string url)
    {
        Open(url);
        _ = ConsoleErrors();
    }

    /// <summary>The console messages of level SEVERE since the last call (errors, failed requests, exceptions).</summary>
    public List<string> ConsoleErrors() =>
        [.. Web.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message)];

    public void Dispose()
    {
        Driver_.Quit();
        Driver_.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing its profile.
        }
    }

    private void ResetRendered()
    {
        try
        {
            ((IJavaScriptExecutor)Web).ExecuteScript("if (document.body) { document.body.dataset.rendered = '0'; }");
        }
        catch (WebDriverException)
        {
            // No page yet.
        }
    }

    private int RenderCount() =>
        Script("return document.body && document.body.dataset.rendered ? Number(document.body.dataset.rendered) : 0;") is long n ? (int)n : 0;

    private object? Script(string script)
    {
        try
        {
            return ((IJavaScriptExecutor)Web).ExecuteScript(script);
        }
        catch (WebDriverException)
        {
            return null; // no page yet, or one being replaced
        }
    }
}
