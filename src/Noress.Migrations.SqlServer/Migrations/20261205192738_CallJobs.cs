using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CallJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FinalReportDueOn",
                table: "Calls",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InterimReportDueOn",
                table: "Calls",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RecipientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallNotices_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallNotices_Kind_Key_RecipientId",
                table: "CallNotices",
                columns: new[] { "Kind", "Key", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallNotices_RecipientId",
                table: "CallNotices",
                column: "RecipientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallNotices");

            migrationBuilder.DropColumn(
                name: "FinalReportDueOn",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "InterimReportDueOn",
                table: "Calls");
        }
    }
}
