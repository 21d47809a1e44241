using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RulesMinutesPdf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture",
                table: "MinutesPdfs");

            migrationBuilder.AddColumn<DateTime>(
                name: "DraftPdfRequestedAt",
                table: "SessionMinutes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PdfFailedAt",
                table: "SessionMinutes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                table: "RulesArticleVersions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DocumentVersion",
                table: "MinutesPdfs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsDraft",
                table: "MinutesPdfs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000001"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000002"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000003"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000004"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000005"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000006"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000007"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000008"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000009"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000010"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000011"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000012"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000013"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000014"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000015"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000016"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000017"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.UpdateData(
                table: "RulesArticleVersions",
                keyColumn: "Id",
                keyValue: new Guid("7a1e0c00-0000-4000-9000-000000000018"),
                column: "RevokedAt",
                value: null);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture_IsDraft",
                table: "MinutesPdfs",
                columns: new[] { "MinutesId", "Culture", "IsDraft" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture_IsDraft",
                table: "MinutesPdfs");

            migrationBuilder.DropColumn(
                name: "DraftPdfRequestedAt",
                table: "SessionMinutes");

            migrationBuilder.DropColumn(
                name: "PdfFailedAt",
                table: "SessionMinutes");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "RulesArticleVersions");

            migrationBuilder.DropColumn(
                name: "DocumentVersion",
                table: "MinutesPdfs");

            migrationBuilder.DropColumn(
                name: "IsDraft",
                table: "MinutesPdfs");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesPdfs_MinutesId_Culture",
                table: "MinutesPdfs",
                columns: new[] { "MinutesId", "Culture" },
                unique: true);
        }
    }
}
