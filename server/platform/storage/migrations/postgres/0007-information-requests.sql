-- The sixth online service: requests for information (Luật Tiếp cận thông tin
-- 2016, docs/adr/0048).
ALTER TABLE cases DROP CONSTRAINT cases_service_check;
ALTER TABLE cases ADD CONSTRAINT cases_service_check
  CHECK (service IN ('khieu-nai-to-cao', 'hoi-dap', 'ho-so', 'gop-y-du-thao', 'phan-hoi-website', 'tiep-can-thong-tin'));
