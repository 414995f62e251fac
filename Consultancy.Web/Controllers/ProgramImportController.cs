using System.Security.Claims;
using Consultancy.Application.Clients;
using Consultancy.Application.Programs;
using Consultancy.Application.Programs.Import;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Web.Infrastructure;
using Consultancy.Web.ViewModels;
using CsvHelper;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Consultancy.Web.Controllers;

/// <summary>Program import from CSV: upload, a preview of every row, then all rows or none.</summary>
[Route("Programs/Import")]
public sealed class ProgramImportController(IMediator mediator, ImportUploads uploads) : Controller
{
    /// <summary>Room for the multipart envelope around a file of the largest size accepted, so that size gets a message, not a refusal.</summary>
    private const long RequestLimit = ImportUploads.MaxBytes + 1024 * 1024;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public IActionResult Index() => View(new ProgramImportUpload());

    [HttpPost(""), RequestSizeLimit(RequestLimit), RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Index(ProgramImportUpload form, CancellationToken ct)
    {
        if (form.File is not { } file)
            return Refuse(form, "Choose a CSV file to upload.");
        if (file.Length > ImportUploads.MaxBytes)
            return Refuse(form, $"The file is {file.Length / 1024 / 1024.0:0.#} MB; the largest import is {ImportUploads.MaxBytes / 1024 / 1024} MB. Split it into smaller files.");

        var id = await uploads.SaveAsync(UserId, file, ct);
        ProgramImportPreview preview;
        try
        {
            await using var csv = uploads.Open(UserId, id)!;
            preview = await mediator.Send(new PreviewProgramImport(csv), ct);
        }
        catch (ValidationException)
        {
            uploads.Delete(UserId, id);
            throw;
        }
        if (!preview.CanImport) uploads.Delete(UserId, id);
        return View("Preview", new ProgramImportPreviewViewModel(preview.CanImport ? id : null, Path.GetFileName(file.FileName), preview));
    }

    [HttpPost("Commit"), OnInvalidReturnTo(nameof(Index))]
    public async Task<IActionResult> Commit(string? importId, CancellationToken ct)
    {
        ImportResult result;
        try
        {
            await using var csv = uploads.Open(UserId, importId)
                ?? throw new ValidationException(ImportClients.FileField, "This upload has expired or was already imported. Upload the file again.");
            result = await mediator.Send(new ImportPrograms(csv), ct);
        }
        finally
        {
            uploads.Delete(UserId, importId);
        }
        TempData.Success($"Import done: {result.Added} program(s) added, {result.Updated} updated.");
        return RedirectToAction("Index", "Programs");
    }

    /// <summary>The header row of the documented column set, to fill in a spreadsheet.</summary>
    [HttpGet("Template")]
    public async Task<IActionResult> Template(CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "program-import-template.csv" }.ToString();
        await using var csv = CsvWriter.Create(Response.Body, ClientCsv.WriterOptions, leaveOpen: true);
        csv.WriteHeader(ProgramCsv.Headers.ToArray());
        await csv.FlushAsync(ct);
        return new EmptyResult();
    }

    private ViewResult Refuse(ProgramImportUpload form, string message)
    {
        ModelState.AddModelError(nameof(ProgramImportUpload.File), message);
        var view = View(nameof(Index), form);
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
